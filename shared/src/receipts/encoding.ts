import { asciiBytes, asciiText } from "./bytes";
import { base45Decode, base45Encode } from "./base45";
import { RECEIPT_KID_PATTERN, RECEIPT_LIMITS, receiptClaimsSchema, type ReceiptClaims } from "./claims";

/**
 * The signed receipt, as carried by the QR code.
 *
 * Text: `KB1:` + Base45(payload || signature). The prefix tells a scanner "Khaibao receipt,
 * text format 1" before it decodes anything; every character is in the QR alphanumeric set.
 *
 * Payload, format version 1 (all integers big-endian; strings printable ASCII, length-prefixed):
 *
 *   offset  size   field
 *   0       1      version = 0x01 (signed, so a verifier can never be talked into another layout)
 *   1       1      flags: bit 0 = direction (0 into, 1 out_of); bits 1-7 reserved, must be 0
 *   2       5      code: the 10 digits as an unsigned 40-bit integer (leading zeros restored)
 *   7       4      issuedAt, unix seconds (uint32: good until 2106)
 *   11      4      expiresAt, unix seconds
 *   15      1+n    kid, n = 1..16
 *   ..      1+n    checkpointId, n = 1..44
 *   ..      1+n    holderName (masked), n = 1..40
 *   ..      1+n    holderId (masked), n = 1..12
 *   end     64     Ed25519 signature (RFC 8032) over every payload byte above, exactly as sent
 *
 * Sizes: 15 fixed bytes + 4 length bytes + the strings + 64. The worst case the limits allow
 * is 131 + 64 = 195 bytes, 297 characters with the prefix: QR version 10 at level M (capacity
 * 311 alphanumeric characters; measured in bot-server/src/receipts/qr.test.ts). A typical one
 * (kid `2026a`, `HN-PHAPVAN`, `NGUYEN V** A*`, `***456`) is 117 bytes, 180 characters: version 8.
 *
 * Decoding is strict: one byte string has one text, lengths must match exactly, reserved bits
 * must be 0 and the claims must pass `receiptClaimsSchema`; anything else is `receipt.invalid`.
 * A new layout gets a new version byte (and prefix `KB2:` if the text form changes).
 */
export const RECEIPT_TEXT_PREFIX = "KB1:";
export const RECEIPT_FORMAT_VERSION = 1;
export const ED25519_SIGNATURE_LENGTH = 64;

const FIXED_LENGTH = 15;
const DIRECTION_OUT_OF = 0x01;
/** Longer texts are not ours; refuse before doing any work. */
const MAX_TEXT_LENGTH = 400;

/** The bytes to sign. Throws (ZodError or RangeError) when the claims or kid are not valid. */
export function encodeReceiptPayload(claims: ReceiptClaims, kid: string): Uint8Array {
  const c = receiptClaimsSchema.parse(claims);
  if (!RECEIPT_KID_PATTERN.test(kid)) throw new RangeError(`receipt key id must match ${String(RECEIPT_KID_PATTERN)}`);
  const strings = [kid, c.checkpointId, c.holderName, c.holderId].map(asciiBytes);
  const out = new Uint8Array(FIXED_LENGTH + strings.reduce((sum, s) => sum + 1 + s.length, 0));
  const view = new DataView(out.buffer);
  out[0] = RECEIPT_FORMAT_VERSION;
  out[1] = c.direction === "out_of" ? DIRECTION_OUT_OF : 0;
  const code = Number(c.code);
  view.setUint8(2, Math.floor(code / 2 ** 32));
  view.setUint32(3, code % 2 ** 32);
  view.setUint32(7, c.issuedAt);
  view.setUint32(11, c.expiresAt);
  let o = FIXED_LENGTH;
  for (const s of strings) {
    out[o++] = s.length;
    out.set(s, o);
    o += s.length;
  }
  return out;
}

/** The QR text for a payload and its signature. */
export function receiptText(payload: Uint8Array, signature: Uint8Array): string {
  if (signature.length !== ED25519_SIGNATURE_LENGTH) throw new RangeError("an Ed25519 signature is 64 bytes");
  const all = new Uint8Array(payload.length + signature.length);
  all.set(payload);
  all.set(signature, payload.length);
  return RECEIPT_TEXT_PREFIX + base45Encode(all);
}

export interface ParsedReceipt {
  claims: ReceiptClaims;
  kid: string;
  /** The payload bytes the signature covers. */
  signedBytes: Uint8Array;
  signature: Uint8Array;
}

/**
 * Text → payload, signature and claims, without checking the signature. Undefined when the text
 * is not a well-formed Khaibao receipt. Trailing CR/LF (added by some scanners) are ignored;
 * spaces are not, since Base45 uses them.
 */
export function parseReceiptText(text: string): ParsedReceipt | undefined {
  const trimmed = text.replace(/[\r\n]+$/, "");
  if (trimmed.length > MAX_TEXT_LENGTH || !trimmed.startsWith(RECEIPT_TEXT_PREFIX)) return undefined;
  const all = base45Decode(trimmed.slice(RECEIPT_TEXT_PREFIX.length));
  if (!all || all.length < FIXED_LENGTH + ED25519_SIGNATURE_LENGTH) return undefined;
  const signedBytes = all.slice(0, all.length - ED25519_SIGNATURE_LENGTH);
  const signature = all.slice(all.length - ED25519_SIGNATURE_LENGTH);
  const view = new DataView(signedBytes.buffer);
  if (view.getUint8(0) !== RECEIPT_FORMAT_VERSION) return undefined;
  const flags = view.getUint8(1);
  if ((flags & ~DIRECTION_OUT_OF) !== 0) return undefined;
  const code = view.getUint8(2) * 2 ** 32 + view.getUint32(3);
  const strings: string[] = [];
  let o = FIXED_LENGTH;
  for (const max of [RECEIPT_LIMITS.kid, RECEIPT_LIMITS.checkpointId, RECEIPT_LIMITS.holderName, RECEIPT_LIMITS.holderId]) {
    const length = signedBytes[o];
    if (length === undefined || length < 1 || length > max || o + 1 + length > signedBytes.length) return undefined;
    const s = asciiText(signedBytes.subarray(o + 1, o + 1 + length));
    if (s === undefined) return undefined;
    strings.push(s);
    o += 1 + length;
  }
  if (o !== signedBytes.length) return undefined;
  const [kid, checkpointId, holderName, holderId] = strings as [string, string, string, string];
  if (!RECEIPT_KID_PATTERN.test(kid) || code >= 1e10) return undefined;
  const parsed = receiptClaimsSchema.safeParse({
    code: String(code).padStart(10, "0"),
    checkpointId,
    direction: flags & DIRECTION_OUT_OF ? "out_of" : "into",
    issuedAt: view.getUint32(7),
    expiresAt: view.getUint32(11),
    holderName,
    holderId,
  });
  return parsed.success ? { claims: parsed.data, kid, signedBytes, signature } : undefined;
}
