import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { splitText } from "./split-text";

describe("splitText", () => {
  it("when the text fits, then it is one message, untouched", () => {
    expect(splitText("Xin chào")).toEqual(["Xin chào"]);
    const exactly = "a".repeat(2000);
    expect(splitText(exactly)).toEqual([exactly]);
  });

  it("prefers a paragraph, then a line, then a sentence, then a space", () => {
    const para = `${"Câu một. ".repeat(150)}\n\n${"Câu hai. ".repeat(150)}`;
    const pieces = splitText(para, 2000);
    expect(pieces[0]).toBe("Câu một. ".repeat(150).trimEnd());
    const sentences = "Một câu khá dài về khai báo. ".repeat(100);
    const bySentence = splitText(sentences, 500);
    expect(bySentence.every((p) => p.endsWith("."))).toBe(true);
    const words = "chữ ".repeat(1000);
    expect(splitText(words, 300).every((p) => !p.endsWith(" ") && p.length <= 300)).toBe(true);
  });

  it("never cuts a character: tone marks (NFD), emoji and surrogate pairs stay whole", () => {
    const nfd = "Nguyễn".normalize("NFD"); // base letters + combining marks
    const text = (nfd + "👨‍👩‍👧").repeat(400);
    const pieces = splitText(text, 97);
    expect(pieces.join("")).toBe(text);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(97);
      expect(/^\p{M}/u.test(p)).toBe(false);
      expect(/[\uD800-\uDBFF]$/.test(p)).toBe(false);
      expect(/^\u200D/.test(p)).toBe(false);
    }
  });

  it("for any text: pieces fit, none is blank, and nothing but whitespace at the cuts is lost", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 3000 }), fc.integer({ min: 16, max: 400 }), (text, max) => {
        const pieces = splitText(text, max);
        if (text.length <= max) return pieces.length === 1 && pieces[0] === text;
        for (const p of pieces) {
          if (p.length > max || p.trim() === "") return false;
        }
        return pieces.join("").replace(/\s+/g, "") === text.replace(/\s+/g, "");
      }),
      { numRuns: 300 },
    );
  });
});
