import type { Receipt, ReceiptClaims, ReceiptLookupResponse } from "@khaibao/shared";
import type { DeclarationRecord } from "./record";

/** What the QR code signs for this declaration: masks and times only, nothing in clear. */
export function receiptClaimsOf(r: Pick<DeclarationRecord, "receiptCode" | "checkpointId" | "direction" | "issuedAt" | "expiresAt" | "holderNameMasked" | "holderIdMasked">): ReceiptClaims {
  return {
    code: r.receiptCode,
    checkpointId: r.checkpointId,
    direction: r.direction,
    issuedAt: Math.floor(Date.parse(r.issuedAt) / 1000),
    expiresAt: Math.floor(Date.parse(r.expiresAt) / 1000),
    holderName: r.holderNameMasked,
    holderId: r.holderIdMasked,
  };
}

/** What a receipt shows of a declaration: never the sealed document or its hashes. */
export type ReceiptFields = Pick<DeclarationRecord, "receiptCode" | "id" | "checkpointId" | "direction" | "issuedAt" | "expiresAt" | "holderNameMasked" | "holderIdMasked" | "status" | "receiptQr">;

export function toReceipt(r: ReceiptFields, checkpointName: string): Receipt {
  return {
    code: r.receiptCode,
    declarationId: r.id,
    checkpointId: r.checkpointId,
    checkpointName,
    direction: r.direction,
    issuedAt: r.issuedAt,
    expiresAt: r.expiresAt,
    holderName: r.holderNameMasked,
    holderId: r.holderIdMasked,
    status: r.status,
    qr: r.receiptQr,
  };
}

/**
 * The live view for verifiers: valid while not rejected or revoked and before `expiresAt`. A
 * declaration still on its way to the backend (`accepted`) is valid: the citizen did their part.
 */
export function toReceiptLookup(r: DeclarationRecord, checkpointName: string, now: Date): ReceiptLookupResponse {
  const { qr: _qr, ...receipt } = toReceipt(r, checkpointName);
  const live = r.status === "accepted" || r.status === "forwarded";
  return { receipt: { ...receipt, valid: live && now.getTime() < Date.parse(r.expiresAt), statusReason: r.statusReason } };
}
