import { createHash, timingSafeEqual } from "node:crypto";

/** Zalo's webhook signature header: `X-ZEvent-Signature: mac=<hex>`. */
export const SIGNATURE_HEADER = "X-ZEvent-Signature";

export interface SignatureInput {
  appId: string;
  /** The exact bytes received: re-serialised JSON does not verify. */
  rawBody: Buffer | string;
  /** The `timestamp` field inside the body, as text. */
  timestamp: string;
  oaSecretKey: string;
}

/**
 * `sha256_hex(appId + rawBody + timestamp + oaSecretKey)`: a plain SHA-256 of the concatenation
 * (not an HMAC), lowercase hex. The body is hashed as bytes, never decoded and re-encoded.
 */
export function zaloEventSignature(input: SignatureInput): string {
  return signatureBytes(input).toString("hex");
}

function signatureBytes(input: SignatureInput): Buffer {
  const hash = createHash("sha256").update(input.appId, "utf8");
  if (typeof input.rawBody === "string") hash.update(input.rawBody, "utf8");
  else hash.update(input.rawBody);
  return hash.update(input.timestamp, "utf8").update(input.oaSecretKey, "utf8").digest();
}

/** The header value Zalo sends for this body (used by the stand-in and tests). */
export function zaloSignatureHeader(input: SignatureInput): string {
  return `mac=${zaloEventSignature(input)}`;
}

const HEADER_FORMAT = /^\s*mac\s*=\s*([0-9a-fA-F]{64})\s*$/;

/** The 32 signature bytes a header carries, or undefined when it is not `mac=<64 hex>`. */
export function parseSignatureHeader(header: string | undefined): Buffer | undefined {
  if (header === undefined || header.length > 200) return undefined;
  const hex = HEADER_FORMAT.exec(header)?.[1];
  return hex === undefined ? undefined : Buffer.from(hex, "hex");
}

/** Constant-time comparison of the given signature bytes with the expected one. */
export function signatureMatches(given: Buffer, input: SignatureInput): boolean {
  const expected = signatureBytes(input);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
