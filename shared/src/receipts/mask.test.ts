import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskIdNumber } from "../identifiers";
import { RECEIPT_LIMITS } from "./claims";
import { maskHolderName } from "./mask";

describe("maskHolderName", () => {
  it.each([
    ["Nguyễn Văn An", "NGUYEN V** A*"],
    ["Đặng Thị Đào", "DANG T** D*"],
    ["đỗ  hùng", "DO H*"],
    ["Trần An", "TRAN A*"],
    ["Lê", "L*"],
    ["Công Tôn Nữ Thị Hồng Nhung", "CONG T** N** T** H** N*"],
    ["Ngô Bảo Châu", "NGO B** C*"],
    ["Ư", "U*"],
    ["O'Brien Seán", "OBRIEN S*"],
    ["Hernández-Santiago María José", "HERNANDEZ-SANTIA M** J*"],
    ["Søren Kierkegaard", "SOREN K*"],
    ["王小明", "?"],
    ["Lý 小明 Long", "LY L*"],
  ])("when the name is %j, then the mask is %j", (name, masked) => {
    expect(maskHolderName(name)).toBe(masked);
  });

  it("folds every name as the plain definition does (diacritics dropped, only A-Z and single inner hyphens kept)", () => {
    const folds: Record<string, string> = { Đ: "D", Ø: "O", Ł: "L", Æ: "AE", Œ: "OE", Þ: "TH", Ð: "D", Ħ: "H", Ŧ: "T" };
    const foldWord = (word: string) =>
      word
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .toUpperCase()
        .replace(/[ĐØŁÆŒÞÐĦŦ]/g, (c) => folds[c] ?? c)
        .replace(/[^A-Z-]/g, "")
        .replace(/-+/g, "-")
        .replace(/^-|-$/g, "");
    const reference = (name: string) => {
      const words = name.trim().split(/\s+/).map(foldWord).filter((w) => /[A-Z]/.test(w));
      if (words.length === 0) return "?";
      const initial = (w: string) => w.replace(/[^A-Z]/g, "")[0] ?? "?";
      if (words.length === 1) return `${initial(words[0] as string)}*`;
      const family = (words[0] as string).slice(0, 16).replace(/-$/, "");
      return [family, ...words.slice(1, -1).slice(0, 5).map((w) => `${initial(w)}**`), `${initial(words[words.length - 1] as string)}*`].join(" ");
    };
    const letters = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ-' .ßøłæœþðħŧ小ñáàảãạắằẳẵặếềểễệốồổỗộớờởỡợứừửữự\u0301\u0323"];
    // Names of a few words; hyphens and spaces often enough to meet each other.
    const word = fc.array(fc.oneof(fc.constantFrom(...letters), fc.constantFrom("-", "--", " ")), { maxLength: 12, size: "max" }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6, size: "max" }), (words) => {
        const name = words.join(" ");
        expect(maskHolderName(name)).toBe(reference(name));
      }),
      { numRuns: 5_000 },
    );
  });

  it("when the name is very long, then the mask still fits the receipt", () => {
    const name = `${"Wolfeschlegelsteinhausen ".repeat(12)}Bergerdorff`;
    const masked = maskHolderName(name);
    expect(masked).toBe("WOLFESCHLEGELSTE W** W** W** W** W** B*");
    expect(masked.length).toBeLessThanOrEqual(RECEIPT_LIMITS.holderName);
  });

  it("the ID mask from identifiers keeps 3 characters and fits the receipt", () => {
    expect(maskIdNumber("001090123456")).toBe("***456");
    expect(maskIdNumber("C1234567").length).toBeLessThanOrEqual(RECEIPT_LIMITS.holderId);
  });
});
