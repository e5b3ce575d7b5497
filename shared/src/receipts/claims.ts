import { z } from "zod";
import { PRINTABLE_ASCII } from "./bytes";

/**
 * Size limits of the signed receipt, chosen so the worst case still fits a version 10 QR code
 * at error-correction level M (see `encoding.ts`). Raising one means re-checking that test.
 */
export const RECEIPT_LIMITS = {
  /** Checkpoint ids are `[A-Z]{2,3}-[A-Z0-9-]{2,40}` (checkpoints/schema.ts): at most 44. */
  checkpointId: 44,
  /** `maskHolderName` output is at most 39 characters. */
  holderName: 40,
  /** `maskIdNumber` output is `***` + 3 characters. */
  holderId: 12,
  kid: 16,
} as const;

/** Key ids: short (they travel inside every QR code), printable, e.g. `2025a`, `dev-3f9a1c2b`. */
export const RECEIPT_KID_PATTERN = /^[A-Za-z0-9._-]{1,16}$/;

/** Key ids of generated development keys start with this; a verifier should say so loudly. */
export const DEV_KID_PREFIX = "dev-";

export function isDevelopmentKeyId(kid: string): boolean {
  return kid.startsWith(DEV_KID_PREFIX);
}

const UINT32_MAX = 0xffff_ffff;
const unixSeconds = z.number().int().min(0).max(UINT32_MAX);
const asciiField = (max: number) => z.string().min(1).max(max).regex(PRINTABLE_ASCII);

/**
 * What a receipt QR code asserts, signed. Personal fields are masked before they get here
 * (`maskHolderName`, `maskIdNumber`): the QR can be photographed by anyone in the queue.
 * The text fields accept any printable ASCII so that a later, different mask still decodes in
 * an older verifier; the structure (lengths, times, code) is strict.
 */
export const receiptClaimsSchema = z
  .object({
    /** 10 digits, the same code the citizen sees and an officer can type. */
    code: z.string().regex(/^\d{10}$/),
    checkpointId: z.string().max(RECEIPT_LIMITS.checkpointId).regex(/^[A-Z0-9][A-Z0-9-]*$/),
    direction: z.enum(["into", "out_of"]),
    /** Unix seconds. */
    issuedAt: unixSeconds,
    /** Unix seconds; the receipt is valid while `now < expiresAt`. */
    expiresAt: unixSeconds,
    /** Masked, e.g. `NGUYEN V** A*`. */
    holderName: asciiField(RECEIPT_LIMITS.holderName),
    /** Masked, e.g. `***456`. */
    holderId: asciiField(RECEIPT_LIMITS.holderId),
  })
  .strict()
  .refine((c) => c.expiresAt > c.issuedAt, { error: "invalid_value", path: ["expiresAt"] });
export type ReceiptClaims = z.infer<typeof receiptClaimsSchema>;
