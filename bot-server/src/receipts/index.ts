export type { ReceiptSigner } from "./types";
export { createReceiptSigner, DEFAULT_DEV_RECEIPT_KEY_FILE, DEV_ISSUER_SUFFIX, type ReceiptSignerOptions } from "./signer";
export { parseReceiptSigningKeys } from "./signing-keys";
export { receiptKeysRouter } from "./routes";
export { receiptQrDataUrl, receiptQrPng, receiptQrSvg, receiptQrVersion } from "./qr";
