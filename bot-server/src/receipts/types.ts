import type { ReceiptClaims, ReceiptKeySet } from "@khaibao/shared";

/** Signs receipts with the current Ed25519 key and publishes every key still needed to verify. */
export interface ReceiptSigner {
  readonly currentKeyId: string;
  /** Returns the exact text to put in the QR code. */
  sign(claims: ReceiptClaims): string;
  keySet(): ReceiptKeySet;
}
