/**
 * Byte helpers that work the same in a browser, in Node and offline, without `Buffer`,
 * `TextEncoder` or `atob` (shared is compiled without DOM or Node types).
 */

import { BASE64URL_ALPHABET, base64Codec } from "../bytes/base64";

const base64Url = base64Codec(BASE64URL_ALPHABET, { padding: false, unusedBits: "reject" });

/** base64url without padding (RFC 4648 §5), as JWKs write raw keys. */
export function base64UrlEncode(bytes: Uint8Array): string {
  return base64Url.encode(bytes);
}

/** Strict: no padding, no other alphabet, no non-zero trailing bits; undefined otherwise. */
export function base64UrlDecode(text: string): Uint8Array | undefined {
  return base64Url.decode(text);
}

/** Printable ASCII only (0x20..0x7E): the receipt's text fields. */
export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function asciiBytes(text: string): Uint8Array {
  if (!PRINTABLE_ASCII.test(text)) throw new RangeError("not printable ASCII");
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export function asciiText(bytes: Uint8Array): string | undefined {
  let out = "";
  for (const b of bytes) {
    if (b < 0x20 || b > 0x7e) return undefined;
    out += String.fromCharCode(b);
  }
  return out;
}
