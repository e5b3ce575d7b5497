import { describe, expect, it } from "vitest";
import { BASE45_ALPHABET, base45Decode, base45Encode } from "./base45";

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe("Base45 (RFC 9285)", () => {
  it.each([
    ["AB", "BB8"],
    ["Hello!!", "%69 VD92EX0"],
    ["base-45", "UJCLQE7W581"],
    ["ietf!", "QED8WEX0"],
    ["", ""],
  ])("when %j is encoded, then it is the RFC's %j, and decodes back", (plain, encoded) => {
    expect(base45Encode(ascii(plain))).toBe(encoded);
    expect(base45Decode(encoded)).toEqual(ascii(plain));
  });

  it("when any byte string is encoded, then it decodes to the same bytes using only the QR alphanumeric set", () => {
    const bytes = Uint8Array.from({ length: 257 }, (_, i) => (i * 73 + 11) & 0xff);
    for (const length of [1, 2, 3, 64, 255, 256, 257]) {
      const text = base45Encode(bytes.subarray(0, length));
      expect(text).toMatch(/^[0-9A-Z $%*+\-./:]*$/);
      expect(base45Decode(text)).toEqual(bytes.subarray(0, length));
    }
    expect(base45Encode(Uint8Array.of(0xff, 0xff))).toBe("FGW");
    expect(base45Encode(Uint8Array.of(0xff))).toBe("U5");
  });

  it.each([
    ["GGW", "a triplet over 65535"],
    ["V5", "a trailing pair over 255"],
    ["BB8A", "a length of 3k+1"],
    ["bb8", "lower case"],
    ["BB#", "a character outside the alphabet"],
  ])("when the text is %j (%s), then decoding refuses it", (text) => {
    expect(base45Decode(text)).toBeUndefined();
  });

  it("the alphabet is the 45 characters of QR alphanumeric mode", () => {
    expect(BASE45_ALPHABET).toHaveLength(45);
    expect(new Set(BASE45_ALPHABET).size).toBe(45);
  });
});
