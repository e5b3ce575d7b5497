/** The receipt's QR code: the app's one QR drawing (`components/qr-code`), error correction M. */
export { QrCode, qrPath, QUIET_ZONE } from "../../../components/qr-code";
