/**
 * Base64 (RFC 4648) built from an alphabet, written out because shared is compiled without DOM
 * or Node types (no `btoa`, no `Buffer`). The trust list's standard base64 (vaccination/bytes)
 * and the receipt keys' base64url (receipts/bytes) are two codecs of this one routine.
 */

/** RFC 4648 §4. */
export const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** RFC 4648 §5, URL- and filename-safe. */
export const BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export interface Base64Rules {
  /**
   * true: encoding pads with "=" to a whole quad; decoding takes the text with or without one or
   * two trailing "=" (their count is not checked). false: no "=" is written, and one in the text
   * is refused like any character outside the alphabet.
   */
  padding: boolean;
  /**
   * The bits of the last character that make no whole byte: "reject" refuses the text unless
   * they are zero (one text per byte string), "ignore" drops them.
   */
  unusedBits: "reject" | "ignore";
}

export interface Base64Codec {
  encode(bytes: Uint8Array): string;
  /**
   * The bytes, or undefined for a character outside the alphabet (whitespace included), a length
   * of 4n+1 characters (padding aside), or what the rules refuse.
   */
  decode(text: string): Uint8Array | undefined;
}

export function base64Codec(alphabet: string, rules: Base64Rules): Base64Codec {
  const chars = [...alphabet];
  if (chars.length !== 64 || new Set(chars).size !== 64 || chars.includes("=")) {
    throw new RangeError("a base64 alphabet is 64 distinct characters, '=' not among them");
  }
  const values = new Map<string, number>(chars.map((c, i) => [c, i]));
  const pad = rules.padding ? "=" : "";

  function encode(bytes: Uint8Array): string {
    let out = "";
    for (let i = 0; i < bytes.length; i += 3) {
      const a = bytes[i] as number;
      const b = bytes[i + 1];
      const c = bytes[i + 2];
      out += chars[a >> 2]!;
      out += chars[((a & 0x03) << 4) | ((b ?? 0) >> 4)]!;
      out += b === undefined ? pad : chars[((b & 0x0f) << 2) | ((c ?? 0) >> 6)]!;
      out += c === undefined ? pad : chars[c & 0x3f]!;
    }
    return out;
  }

  function decode(text: string): Uint8Array | undefined {
    const body = rules.padding ? text.replace(/={1,2}$/, "") : text;
    if (body.length % 4 === 1) return undefined;
    const out = new Uint8Array(Math.floor((body.length * 3) / 4));
    let bits = 0;
    let value = 0;
    let o = 0;
    for (const ch of body) {
      const v = values.get(ch);
      if (v === undefined) return undefined;
      value = (value << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (value >> bits) & 0xff;
        value &= (1 << bits) - 1;
      }
    }
    if (rules.unusedBits === "reject" && value !== 0) return undefined;
    return out;
  }

  return { encode, decode };
}
