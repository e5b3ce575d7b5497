import { z } from "zod";
import { fieldErrorSchema } from "../api/errors";

/** The header the mini app sends its Zalo access token in (from `getAccessToken()`). */
export const ZALO_TOKEN_HEADER = "x-zalo-access-token";

export const receiptStatusSchema = z.enum(["accepted", "forwarded", "rejected", "revoked"]);
export type ReceiptStatus = z.infer<typeof receiptStatusSchema>;

/** What the citizen holds up at the checkpoint; also kept in the device's history. */
export const receiptSchema = z.object({
  /** 10 digits, shown large in groups (`4821 7730 19`); also typed by an officer when a QR will not scan. */
  code: z.string().regex(/^\d{10}$/),
  declarationId: z.string(),
  checkpointId: z.string(),
  checkpointName: z.string(),
  direction: z.enum(["into", "out_of"]),
  issuedAt: z.string(),
  expiresAt: z.string(),
  /** Masked: `NGUYEN V** A*`, `***456`. */
  holderName: z.string(),
  holderId: z.string(),
  status: receiptStatusSchema,
  /** The signed receipt, exactly the text encoded in the QR code. */
  qr: z.string(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const submitDeclarationResponseSchema = z.object({
  receipt: receiptSchema,
  /** True when this answer repeats an earlier one for the same idempotency key. */
  replayed: z.boolean(),
  warnings: z.array(fieldErrorSchema),
});
export type SubmitDeclarationResponse = z.infer<typeof submitDeclarationResponseSchema>;

/** GET /api/receipts/:code — the live status for verifiers (no personal data beyond the masks). */
export const receiptLookupResponseSchema = z.object({
  receipt: receiptSchema.omit({ qr: true }).extend({ valid: z.boolean(), statusReason: z.string().nullable() }),
});
export type ReceiptLookupResponse = z.infer<typeof receiptLookupResponseSchema>;

/** GET /api/me — who the mini app's user is, according to Zalo. */
export const meResponseSchema = z.object({ user: z.object({ id: z.string(), name: z.string().nullable() }) });

/** POST /api/me/phone — exchange the single-use token from `getPhoneNumber()` for the number. */
export const phoneExchangeRequestSchema = z.object({ token: z.string().min(1).max(2000) });
export const phoneExchangeResponseSchema = z.object({ phone: z.string().regex(/^\+84\d{9}$/) });
