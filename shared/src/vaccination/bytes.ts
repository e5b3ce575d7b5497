import { BASE64_ALPHABET, base64Codec } from "../bytes/base64";

/**
 * Standard base64 (RFC 4648 §4, with padding) for trust-list fields. Decoding takes the text
 * padded or not and ignores unused trailing bits, as it always has; whitespace is not allowed.
 */
const standard = base64Codec(BASE64_ALPHABET, { padding: true, unusedBits: "ignore" });

export function base64Encode(bytes: Uint8Array): string {
  return standard.encode(bytes);
}

/** Padded or not; whitespace is not allowed. Returns undefined for anything else. */
export function base64Decode(text: string): Uint8Array | undefined {
  return standard.decode(text);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
