import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { base64Decode, base64Encode, bytesEqual } from "./bytes";

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

// Trust-list fields (`kid`, `spki`) are standard base64 (RFC 4648 §4): "+/" and "=" padding.
describe("standard base64 (trust-list fields)", () => {
  it.each([
    ["", ""],
    ["f", "Zg=="],
    ["fo", "Zm8="],
    ["foo", "Zm9v"],
    ["foob", "Zm9vYg=="],
    ["fooba", "Zm9vYmE="],
    ["foobar", "Zm9vYmFy"],
  ])("when %j is encoded, then it is the RFC's %j, and decodes back", (plain, encoded) => {
    expect(base64Encode(ascii(plain))).toBe(encoded);
    expect(base64Decode(encoded)).toEqual(ascii(plain));
  });

  it("when bytes map to the last two characters, then they are '+' and '/'", () => {
    expect(base64Encode(Uint8Array.of(0xfb, 0xef, 0xbe))).toBe("++++");
    expect(base64Encode(Uint8Array.of(0xff, 0xff, 0xff))).toBe("////");
    expect(base64Encode(Uint8Array.of(0xfb, 0xff))).toBe("+/8=");
    expect(base64Decode("+/8=")).toEqual(Uint8Array.of(0xfb, 0xff));
    expect(base64Decode("++++////")).toEqual(Uint8Array.of(0xfb, 0xef, 0xbe, 0xff, 0xff, 0xff));
  });

  it("when the padding is left out, then the text still decodes", () => {
    expect(base64Decode("Zg")).toEqual(ascii("f"));
    expect(base64Decode("Zm8")).toEqual(ascii("fo"));
    expect(base64Decode("+/8")).toEqual(Uint8Array.of(0xfb, 0xff));
  });

  it("the development signer's kid decodes to its 8 bytes", () => {
    expect(base64Decode("xKpEnFhQ57Y=")).toEqual(Uint8Array.of(0xc4, 0xaa, 0x44, 0x9c, 0x58, 0x50, 0xe7, 0xb6));
  });

  it.each([
    ["-_8=", "the URL-safe alphabet"],
    ["Zm9v Yg==", "a space"],
    ["Zm9vYg==\n", "a trailing newline"],
    [" Zm9v", "a leading space"],
    ["Zm9=vYg=", "padding in the middle"],
    ["Zg===", "three padding characters"],
    ["Zm9vY", "a length of 4n+1"],
    ["Zm9vY===", "a length of 4n+1 before padding"],
    ["Zm9v!", "a character outside any alphabet"],
    ["Zm9vÝg==", "a non-ASCII letter"],
  ])("when the text is %j (%s), then decoding refuses it", (text) => {
    expect(base64Decode(text)).toBeUndefined();
  });

  // What this reader has always let through (the trust list is signed data from a known source):
  // the count of "=" is not checked against the length, and unused trailing bits are ignored.
  it("when the padding count or the unused bits are off, then the text is still read", () => {
    expect(base64Decode("Zg=")).toEqual(ascii("f"));
    expect(base64Decode("Zm9v==")).toEqual(ascii("foo"));
    expect(base64Decode("Zh==")).toEqual(ascii("f"));
    expect(base64Decode("=")).toEqual(new Uint8Array(0));
    expect(base64Decode("==")).toEqual(new Uint8Array(0));
  });

  it("when any bytes are encoded, then the text is padded to whole quads and decodes to the same bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = base64Encode(bytes);
        expect(text).toMatch(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
        expect(text).toHaveLength(Math.ceil(bytes.length / 3) * 4);
        expect(base64Decode(text)).toEqual(bytes);
        expect(base64Decode(text.replace(/=+$/, ""))).toEqual(bytes);
      }),
    );
  });

  it("bytesEqual compares length and content", () => {
    expect(bytesEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3))).toBe(false);
    expect(bytesEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
});
