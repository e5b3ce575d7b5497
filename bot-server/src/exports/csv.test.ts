import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";
import { parseCsvStrict } from "./rfc4180.testing";

describe("CSV writer", () => {
  it("when a field holds a comma, a quote or a line break, then it is quoted with quotes doubled and reads back as written", () => {
    const tricky = ['Cầu Chương Dương, "hướng Gia Lâm"', "dòng 1\r\ndòng 2", "Hoà", ""];
    const bytes = Buffer.from(toCsv(["a", "b", "c", "d"], [tricky]), "utf8");
    expect(parseCsvStrict(bytes)).toEqual([["a", "b", "c", "d"], tricky]);
  });

  it("when a citizen's text starts like a formula, then a guarded column gets an apostrophe and other columns keep the value", () => {
    expect(csvField("=HYPERLINK(\"x\")", { formulaGuard: true })).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("+84912345678", { formulaGuard: true })).toBe("'+84912345678");
    expect(csvField("-12", { formulaGuard: false })).toBe("-12");
    expect(csvField(null)).toBe("");
  });

  it("when the file is written, then it starts with the UTF-8 BOM and every line ends with CRLF", () => {
    const csv = toCsv(["x"], [["1"], ["2"]]);
    expect(csv).toBe("\uFEFFx\r\n1\r\n2\r\n");
  });
});
