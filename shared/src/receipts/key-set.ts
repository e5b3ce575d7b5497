import { z } from "zod";
import { base64UrlDecode } from "./bytes";
import { RECEIPT_KID_PATTERN } from "./claims";

/** Where every server publishes the public keys its receipts verify with. */
export const RECEIPT_KEYS_PATH = "/.well-known/khaibao-receipt-keys.json";

const isoDateTime = z.iso.datetime({ offset: true });

export const receiptPublicKeySchema = z.object({
  kid: z.string().regex(RECEIPT_KID_PATTERN),
  alg: z.literal("Ed25519"),
  /** base64url (no padding) of the raw 32-byte public key, as in a JWK's `x`. */
  publicKey: z.string().refine((s) => base64UrlDecode(s)?.length === 32, { error: "invalid_format" }),
  /** `active` signs new receipts; `retired` only verifies those already issued. */
  status: z.enum(["active", "retired"]),
  /** When set, receipts claiming to be issued after this instant are not trusted with this key. */
  notAfter: isoDateTime.optional(),
});
export type ReceiptPublicKey = z.infer<typeof receiptPublicKeySchema>;

/** The JSON at {@link RECEIPT_KEYS_PATH}; verifiers (police app, other systems) cache it. */
export const receiptKeySetSchema = z.object({
  /** Who signs; a development key set says so here, e.g. `Khaibao (DEVELOPMENT KEY ...)`. */
  issuer: z.string().min(1),
  updatedAt: isoDateTime,
  keys: z
    .array(receiptPublicKeySchema)
    .min(1)
    .refine((keys) => new Set(keys.map((k) => k.kid)).size === keys.length, { error: "invalid_value" }),
});
export type ReceiptKeySet = z.infer<typeof receiptKeySetSchema>;
