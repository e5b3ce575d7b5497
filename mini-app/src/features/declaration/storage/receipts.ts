import { z } from "zod";
import { fieldErrorSchema, receiptSchema, type FieldError, type Receipt } from "@khaibao/shared";

/**
 * Receipts on this phone, most recent first: shown offline, because the queue at a checkpoint
 * is exactly where the network is worst.
 */
export const MAX_RECEIPTS = 30;

export const storedReceiptSchema = z.object({
  receipt: receiptSchema,
  savedAt: z.string(),
  /** What the server said about the declaration when it issued the receipt (old CMND, old test). */
  warnings: z.array(fieldErrorSchema).catch([]),
  /** The last live status check (`GET /api/receipts/:code`), if any. */
  checkedAt: z.string().nullable().catch(null),
  statusReason: z.string().nullable().catch(null),
});
export type StoredReceipt = z.infer<typeof storedReceiptSchema>;

export const receiptHistorySchema = z
  .array(storedReceiptSchema.nullable().catch(null))
  .transform((list) => list.filter((r): r is StoredReceipt => r !== null));

/** Adds a receipt at the top (replacing one with the same code), keeping at most {@link MAX_RECEIPTS}. */
export function addReceipt(history: readonly StoredReceipt[], receipt: Receipt, warnings: FieldError[], now: Date): StoredReceipt[] {
  const entry: StoredReceipt = { receipt, savedAt: now.toISOString(), warnings, checkedAt: null, statusReason: null };
  return [entry, ...history.filter((r) => r.receipt.code !== receipt.code)].slice(0, MAX_RECEIPTS);
}

/** Applies a live status check to the stored copy. */
export function updateReceiptStatus(
  history: readonly StoredReceipt[],
  code: string,
  status: Receipt["status"],
  statusReason: string | null,
  now: Date,
): StoredReceipt[] {
  return history.map((r) => (r.receipt.code === code ? { ...r, receipt: { ...r.receipt, status }, statusReason, checkedAt: now.toISOString() } : r));
}

export function isExpired(receipt: Pick<Receipt, "expiresAt">, now: Date): boolean {
  const expires = Date.parse(receipt.expiresAt);
  return Number.isNaN(expires) || expires <= now.getTime();
}
