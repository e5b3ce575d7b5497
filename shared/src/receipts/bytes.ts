/**
 * Byte helpers that work the same in a browser, in Node and offline, without `Buffer`,
 * `TextEncoder` or `atob` (shared is compiled without DOM or Node types).
 */

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const B64URL_VALUE = new Map<string, number>([...B64URL].map((c, i) => [c, i]));

/** base64url without padding (RFC 4648 §5), as JWKs write raw keys. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64URL[a >> 2]!;
    out += B64URL[((a & 0x03) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += B64URL[((b & 0x0f) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += B64URL[c & 0x3f]!;
  }
  return out;
}

/** Strict: no padding, no other alphabet, no non-zero trailing bits; undefined otherwise. */
export function base64UrlDecode(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const ch of text) {
    const v = B64URL_VALUE.get(ch);
    if (v === undefined) return undefined;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
      value &= (1 << bits) - 1;
    }
  }
  if (value !== 0) return undefined;
  return out;
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
