import type { ReceiptStatus } from "@khaibao/shared";
import type { DeclarationConsent } from "../privacy/consents/repository";

/** A declaration as stored. Nothing here is personal in clear: `sealed` holds the declaration. */
export interface DeclarationRecord {
  id: string;
  receiptCode: string;
  zaloUserId: string;
  idempotencyKey: string;
  requestHash: string;
  checkpointId: string;
  direction: "into" | "out_of";
  issuedAt: string;
  expiresAt: string;
  status: ReceiptStatus;
  statusReason: string | null;
  holderNameMasked: string;
  holderIdMasked: string;
  idNumberIndex: string;
  sealed: Buffer;
  sealedKeyId: string;
  destinationProvinceCode: string;
  destinationWardCode: string | null;
  receiptQr: string;
  /**
   * Write-only: the consent this submission carries. Checked against the user's consents and,
   * for their first declaration, recorded, in the declaration's own transaction.
   */
  consent?: DeclarationConsent | undefined;
}

/** What is sealed: the validated declaration and when the device says it was sent. */
export interface SealedDeclaration<D = unknown> {
  declaration: D;
  clientSubmittedAt: string | null;
}
