/**
 * Signed receipts: what the citizen's QR code carries and how anyone verifies it offline.
 * The server signs (bot-server/src/receipts); the mini app, the police tool and tests verify
 * with the same code here.
 */
export { receiptClaimsSchema, RECEIPT_LIMITS, RECEIPT_KID_PATTERN, DEV_KID_PREFIX, isDevelopmentKeyId } from "./claims";
export type { ReceiptClaims } from "./claims";
export { receiptKeySetSchema, receiptPublicKeySchema, RECEIPT_KEYS_PATH } from "./key-set";
export type { ReceiptKeySet, ReceiptPublicKey } from "./key-set";
export { encodeReceiptPayload, receiptText, RECEIPT_TEXT_PREFIX, RECEIPT_FORMAT_VERSION } from "./encoding";
export { decodeReceipt, verifyReceipt } from "./verify";
export type { DecodedReceipt, ReceiptVerification, ReceiptFailureCode } from "./verify";
export { maskHolderName } from "./mask";
export { formatReceiptCode, generateReceiptCode, RECEIPT_CODE_PATTERN } from "./code";
export { base45Encode, base45Decode } from "./base45";
