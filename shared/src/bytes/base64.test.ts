import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BASE64_ALPHABET, base64Codec, BASE64URL_ALPHABET, type Base64Rules } from "./base64";

/** RFC 4648 read literally, through a string of bits: an oracle written differently from the codec. */
function reference(bytes: Uint8Array, alphabet: string, padding: boolean): string {
  const bits = [...bytes].map((b) => b.toString(2).padStart(8, "0")).join("");
  let out = "";
  for (let i = 0; i < bits.length; i += 6) out += alphabet[parseInt(bits.slice(i, i + 6).padEnd(6, "0"), 2)];
  while (padding && out.length % 4 !== 0) out += "=";
  return out;
}

const CODECS: [string, string, Base64Rules][] = [
  ["standard, padded, unused bits ignored", BASE64_ALPHABET, { padding: true, unusedBits: "ignore" }],
  ["URL-safe, unpadded, unused bits refused", BASE64URL_ALPHABET, { padding: false, unusedBits: "reject" }],
];

describe.each(CODECS)("a base64 codec (%s)", (_name, alphabet, rules) => {
  const codec = base64Codec(alphabet, rules);

  it("when any bytes are encoded, then the text is RFC 4648's, and decodes to the same bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = codec.encode(bytes);
        expect(text).toBe(reference(bytes, alphabet, rules.padding));
        expect(codec.decode(text)).toEqual(bytes);
      }),
    );
  });

  it("when every character of the alphabet is decoded, then it carries its own six bits", () => {
    const bits = [...Array(64).keys()].map((v) => v.toString(2).padStart(6, "0")).join("");
    const expected = Uint8Array.from({ length: 48 }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2));
    const text = alphabet;
    expect(codec.decode(text)).toEqual(expected);
  });

  it("when a character is not in the alphabet, then decoding refuses the text", () => {
    const other = alphabet === BASE64_ALPHABET ? "-_" : "+/";
    for (const ch of [...other, " ", "\n", "\t", ".", "é", "😀"]) {
      expect(codec.decode(`AAA${ch}`), JSON.stringify(ch)).toBeUndefined();
      expect(codec.decode(`${ch}AAA`), JSON.stringify(ch)).toBeUndefined();
    }
  });

  it("when the text is one character over a quad, then decoding refuses it", () => {
    expect(codec.decode("A")).toBeUndefined();
    expect(codec.decode("AAAAA")).toBeUndefined();
  });

  it("when the last character has unused bits set, then the rules decide", () => {
    const decoded = codec.decode("AB");
    if (rules.unusedBits === "reject") expect(decoded).toBeUndefined();
    else expect(decoded).toEqual(Uint8Array.of(0x00));
  });

  it("when the text ends in padding, then the rules decide", () => {
    const decoded = codec.decode("AA==");
    if (rules.padding) expect(decoded).toEqual(Uint8Array.of(0x00));
    else expect(decoded).toBeUndefined();
  });
});

describe("base64Codec", () => {
  it("uses the alphabet it is given", () => {
    const reversed = [...BASE64_ALPHABET].reverse().join("");
    const codec = base64Codec(reversed, { padding: false, unusedBits: "reject" });
    expect(codec.encode(Uint8Array.of(0x00, 0x00, 0x00))).toBe("////");
    expect(codec.decode("////")).toEqual(Uint8Array.of(0, 0, 0));
    expect(codec.decode("AAAA")).toEqual(Uint8Array.of(0xff, 0xff, 0xff));
  });

  it.each([
    ["63 characters", BASE64_ALPHABET.slice(1)],
    ["65 characters", `${BASE64_ALPHABET}!`],
    ["a repeated character", `A${BASE64_ALPHABET.slice(1, 63)}A`],
    ["'=' among them", `${BASE64_ALPHABET.slice(0, 63)}=`],
  ])("refuses an alphabet: %s", (_reason, alphabet) => {
    expect(() => base64Codec(alphabet, { padding: true, unusedBits: "ignore" })).toThrow(RangeError);
  });
});
