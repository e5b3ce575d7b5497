import type { ReceiptClaims, ReceiptKeySet } from "@khaibao/shared";

/** Signs receipts with the current Ed25519 key and publishes every key still needed to verify. */
export interface ReceiptSigner {
  readonly currentKeyId: string;
  /** Resolves to the exact text to put in the QR code. */
  sign(claims: ReceiptClaims): Promise<string>;
  keySet(): ReceiptKeySet;
}
