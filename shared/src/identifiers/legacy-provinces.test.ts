import { describe, expect, it } from "vitest";
import { LEGACY_PROVINCES, legacyProvinceByCode } from "./legacy-provinces";

describe("LEGACY_PROVINCES", () => {
  it("when loaded, then it holds 63 unique 2-digit codes between 01 and 96 with NFC names", () => {
    expect(LEGACY_PROVINCES).toHaveLength(63);
    expect(new Set(LEGACY_PROVINCES.map((p) => p.code)).size).toBe(63);
    for (const p of LEGACY_PROVINCES) {
      expect(p.code).toMatch(/^\d{2}$/);
      expect(Number(p.code)).toBeGreaterThanOrEqual(1);
      expect(Number(p.code)).toBeLessThanOrEqual(96);
      expect(p.name).toBe(p.name.normalize("NFC"));
      expect(p.nameAscii).toMatch(/^[A-Za-z -]+$/);
    }
  });

  it("when looking up 01, 79 and 74, then Hà Nội, Hồ Chí Minh and Bình Dương come back; 03 and 001 do not exist", () => {
    expect(legacyProvinceByCode("01")?.name).toBe("Hà Nội");
    expect(legacyProvinceByCode("79")?.name).toBe("Hồ Chí Minh");
    expect(legacyProvinceByCode("74")?.nameAscii).toBe("Binh Duong");
    expect(legacyProvinceByCode("03")).toBeUndefined();
    expect(legacyProvinceByCode("001")).toBeUndefined();
  });
});
