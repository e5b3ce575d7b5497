import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asciiBytes, asciiText, base64UrlDecode, base64UrlEncode } from "./bytes";

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

// Receipt public keys are JWK-style base64url without padding (RFC 4648 §5): "-_", no "=".
describe("base64url without padding (receipt keys)", () => {
  it.each([
    ["", ""],
    ["f", "Zg"],
    ["fo", "Zm8"],
    ["foo", "Zm9v"],
    ["foob", "Zm9vYg"],
    ["fooba", "Zm9vYmE"],
    ["foobar", "Zm9vYmFy"],
  ])("when %j is encoded, then it is the RFC's %j without padding, and decodes back", (plain, encoded) => {
    expect(base64UrlEncode(ascii(plain))).toBe(encoded);
    expect(base64UrlDecode(encoded)).toEqual(ascii(plain));
  });

  it("when bytes map to the last two characters, then they are '-' and '_'", () => {
    expect(base64UrlEncode(Uint8Array.of(0xfb, 0xef, 0xbe))).toBe("----");
    expect(base64UrlEncode(Uint8Array.of(0xff, 0xff, 0xff))).toBe("____");
    expect(base64UrlEncode(Uint8Array.of(0xfb, 0xff))).toBe("-_8");
    expect(base64UrlDecode("-_8")).toEqual(Uint8Array.of(0xfb, 0xff));
    expect(base64UrlDecode("----____")).toEqual(Uint8Array.of(0xfb, 0xef, 0xbe, 0xff, 0xff, 0xff));
  });

  it("an Ed25519 public key (RFC 8037's example) decodes to its 32 bytes", () => {
    const key = base64UrlDecode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
    expect(key).toHaveLength(32);
    expect(key?.[0]).toBe(0xd7);
    expect(key?.[31]).toBe(0x1a);
    expect(base64UrlEncode(key!)).toBe("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
  });

  it.each([
    ["Zg==", "padding"],
    ["Zm8=", "one padding character"],
    ["+/8", "the standard alphabet"],
    ["Zm9v Yg", "a space"],
    ["Zm9vYg\n", "a trailing newline"],
    ["Zm9vY", "a length of 4n+1"],
    ["Zh", "non-zero unused bits (one byte)"],
    ["Zm9", "non-zero unused bits (two bytes)"],
    ["-_9", "non-zero unused bits after '-_'"],
    ["Zm9v!", "a character outside any alphabet"],
  ])("when the text is %j (%s), then decoding refuses it", (text) => {
    expect(base64UrlDecode(text)).toBeUndefined();
  });

  it("when any bytes are encoded, then the text uses only the URL-safe alphabet and decodes to the same bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = base64UrlEncode(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(text).toHaveLength(Math.ceil((bytes.length * 4) / 3));
        expect(base64UrlDecode(text)).toEqual(bytes);
      }),
    );
  });
});

describe("printable ASCII (receipt text fields)", () => {
  it("when the text is printable ASCII, then it round-trips through bytes", () => {
    expect(asciiBytes(" ~Az09")).toEqual(Uint8Array.of(0x20, 0x7e, 0x41, 0x7a, 0x30, 0x39));
    expect(asciiText(asciiBytes("CP-HN-0001"))).toBe("CP-HN-0001");
  });

  it("when a character or byte is outside 0x20..0x7E, then it is refused", () => {
    expect(() => asciiBytes("Nguyễn")).toThrow(RangeError);
    expect(() => asciiBytes("a\nb")).toThrow(RangeError);
    expect(asciiText(Uint8Array.of(0x41, 0x1f))).toBeUndefined();
    expect(asciiText(Uint8Array.of(0x41, 0x7f))).toBeUndefined();
  });
});
