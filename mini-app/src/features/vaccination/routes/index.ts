/**
 * The vaccination wallet's screens, loaded on demand as one chunk: the certificate codec (CBOR,
 * zlib, signature checks) and the QR encoder never weigh on the first screen.
 */
import "../../../styles/fields.css";
import "../../../styles/badges.css";
import "./vaccination.css";

export { WalletRoute } from "./wallet-route";
export { LookupRoute } from "./lookup-route";
export { ImportRoute } from "./import-route";
export { CertificateRoute } from "./certificate-route";
