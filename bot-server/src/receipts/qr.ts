import QRCode from "qrcode";

/**
 * Rendering a receipt's QR text. Level M (15% recovery) keeps the worst-case receipt at version
 * 10 or below, which still scans from a phone screen at arm's length; the quiet zone is the
 * standard 4 modules. The mini app draws its own; the bot and the console use these.
 */
const OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

/** The QR version (1-40) the text needs at level M. */
export function receiptQrVersion(text: string): number {
  return QRCode.create(text, { errorCorrectionLevel: OPTIONS.errorCorrectionLevel }).version;
}

/** PNG bytes; `scale` is pixels per module (8 gives ~460 px for version 10). */
export function receiptQrPng(text: string, scale = 8): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: "png", scale });
}

/** `data:image/png;base64,...` for an <img>. */
export function receiptQrDataUrl(text: string, scale = 8): Promise<string> {
  return QRCode.toDataURL(text, { ...OPTIONS, type: "image/png", scale });
}

/** A standalone SVG document, sharp at any size (printing, the console). */
export function receiptQrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: "svg" });
}
