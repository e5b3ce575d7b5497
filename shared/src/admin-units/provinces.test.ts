import { describe, expect, it } from "vitest";
import { parseWith } from "../api/errors";
import { messages } from "../i18n/messages";
import { translate } from "../i18n/translate";
import {
  LEGACY_PROVINCES_63,
  PROVINCES_2025,
  PROVINCE_CODES,
  currentProvinceOfLegacy,
  provinceByCode,
  resolveProvince,
  searchProvinces,
} from "./provinces";
import { provinceCodeSchema } from "./schema";

describe("province constants", () => {
  it("when the lists are loaded, then there are 34 current and 63 former provinces with unique codes", () => {
    expect(PROVINCES_2025).toHaveLength(34);
    expect(PROVINCE_CODES).toHaveLength(34);
    expect(new Set(PROVINCES_2025.map((p) => p.code)).size).toBe(34);
    expect(LEGACY_PROVINCES_63).toHaveLength(63);
    expect(new Set(LEGACY_PROVINCES_63.map((p) => p.code)).size).toBe(63);
  });

  it("when the merges are followed both ways, then every former province is in exactly one current one", () => {
    const mergedFrom = PROVINCES_2025.flatMap((p) => p.mergedFrom);
    expect(mergedFrom.sort()).toEqual(LEGACY_PROVINCES_63.map((l) => l.code).sort());
    for (const l of LEGACY_PROVINCES_63) {
      expect(provinceByCode(l.mergedInto)?.mergedFrom).toContain(l.code);
    }
    expect(PROVINCES_2025.filter((p) => p.mergedFrom.length > 1)).toHaveLength(23);
  });

  it("when names are read, then they are NFC and the short and full forms agree", () => {
    for (const p of [...PROVINCES_2025, ...LEGACY_PROVINCES_63]) expect(p.name).toBe(p.name.normalize("NFC"));
    expect(provinceByCode("79")).toMatchObject({ name: "Hồ Chí Minh", fullName: "Thành phố Hồ Chí Minh", type: "municipality" });
    expect(provinceByCode("15")).toMatchObject({ name: "Lào Cai", mergedFrom: ["10", "15"], mergedFromNames: ["Lào Cai", "Yên Bái"] });
  });

  it("when a legacy code is looked up, then the current province is returned", () => {
    expect(currentProvinceOfLegacy("74")?.name).toBe("Hồ Chí Minh");
    expect(currentProvinceOfLegacy("15")?.code).toBe("15");
    expect(currentProvinceOfLegacy("10")?.code).toBe("15");
    expect(currentProvinceOfLegacy("99")).toBeUndefined();
  });
});

describe("searchProvinces", () => {
  it("when the query has no diacritics, then the current province is found first", () => {
    expect(searchProvinces("ha noi")[0]).toMatchObject({ province: { code: "01" }, matchedKind: "current" });
    expect(searchProvinces("ho chi minh")[0]?.province.code).toBe("79");
    expect(searchProvinces("HO CHI MINH")[0]?.province.code).toBe("79");
    expect(searchProvinces("hanoi")[0]?.province.code).toBe("01");
    expect(searchProvinces("dak lak")[0]?.province.code).toBe("66");
  });

  it("when the query is a former province, then its current province comes with a merge note", () => {
    for (const q of ["Bình Dương", "binh duong", "Tỉnh Bình Dương"]) {
      const [first] = searchProvinces(q);
      expect(first).toMatchObject({ province: { code: "79", name: "Hồ Chí Minh" }, matchedName: "Bình Dương", matchedKind: "former" });
      expect(first?.note).toEqual({ code: "address.note_merged", params: { old: "Bình Dương", new: "Hồ Chí Minh" } });
    }
  });

  it("when the query is Hòa Bình in either spelling, then Phú Thọ is found with the note", () => {
    for (const q of ["hoa binh", "Hoà Bình", "Hòa Bình"]) {
      const [first] = searchProvinces(q);
      expect(first?.province.code).toBe("25");
      expect(first?.note).toEqual({ code: "address.note_merged", params: { old: "Hòa Bình", new: "Phú Thọ" } });
    }
  });

  it("when the query is Hà Tây (merged in 2008), then Hà Nội is found with an earlier-merge note", () => {
    const [first] = searchProvinces("Hà Tây");
    expect(first?.province.code).toBe("01");
    expect(first?.note).toEqual({ code: "address.note_merged_earlier", params: { old: "Hà Tây", new: "Hà Nội", year: 2008 } });
    expect(searchProvinces("ha tay")[0]?.province.code).toBe("01");
  });

  it("when the query is Thừa Thiên Huế, then Huế is found with a rename note", () => {
    const [first] = searchProvinces("thua thien hue");
    expect(first?.province.code).toBe("46");
    expect(first?.note?.code).toBe("address.note_renamed");
  });

  it("when the query is a common short form, then it is understood", () => {
    for (const q of ["TP.HCM", "tphcm", "Sài Gòn", "sai gon"]) expect(searchProvinces(q)[0]?.province.code).toBe("79");
    expect(searchProvinces("HN")[0]?.province.code).toBe("01");
  });

  it("when several provinces match, then exact ranks over prefix over contains, one result per province", () => {
    const results = searchProvinces("ninh");
    const codes = results.map((r) => r.province.code);
    expect(new Set(codes).size).toBe(codes.length);
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(codes.indexOf("37")).toBeLessThan(codes.indexOf("24")); // Ninh Bình (prefix) before Bắc Ninh (word)
    expect(searchProvinces("bac ninh")[0]?.province.code).toBe("24");
    expect(searchProvinces("quang", { limit: 2 })).toHaveLength(2);
    expect(searchProvinces("   ")).toEqual([]);
    expect(searchProvinces("xyzzy")).toEqual([]);
  });

  it("when a current name and a former name match equally, then the current name wins", () => {
    // "Lào Cai" is both the current province 15 and the former 10: one result, as current.
    const results = searchProvinces("lao cai");
    expect(results[0]).toMatchObject({ province: { code: "15" }, matchedKind: "current" });
    expect(results[0]?.note).toBeUndefined();
  });

  it("when resolving a typed name, then only an unambiguous exact match resolves", () => {
    expect(resolveProvince("binh duong")?.province.code).toBe("79");
    expect(resolveProvince("Khánh Hoà")?.province.code).toBe("56");
    expect(resolveProvince("binh")).toBeUndefined();
  });
});

describe("provinceCodeSchema", () => {
  it("when a current code is given, then it parses", () => {
    expect(parseWith(provinceCodeSchema, "79")).toEqual({ ok: true, data: "79" });
  });

  it("when a former or unknown code is given, then the issue is address.province_unknown", () => {
    for (const bad of ["74", "99", "7", 79]) {
      const r = parseWith(provinceCodeSchema, bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]?.code).toBe("address.province_unknown");
    }
  });

  it("when nothing is chosen, then the issue is address.province_required", () => {
    for (const missing of [undefined, ""]) {
      const r = parseWith(provinceCodeSchema, missing);
      expect(r.ok ? undefined : r.issues[0]?.code).toBe("address.province_required");
    }
  });
});

describe("address messages", () => {
  it("when a merge note is translated, then it reads naturally in both languages", () => {
    const params = { old: "Bình Dương", new: "Hồ Chí Minh" };
    expect(translate(messages, "address.note_merged", "vi", params)).toBe("Bình Dương nay thuộc Hồ Chí Minh (từ 01/07/2025)");
    expect(translate(messages, "address.note_merged", "en", params)).toBe("Bình Dương is now part of Hồ Chí Minh (since 1 July 2025)");
  });

  it("when the codes used by the module are looked up, then each has both languages", () => {
    for (const code of [
      "address.province_required",
      "address.province_unknown",
      "address.ward_required",
      "address.ward_unknown",
      "address.ward_not_in_province",
      "address.note_merged",
      "address.note_renamed",
      "address.note_merged_earlier",
      "address.note_ward_merged",
      "address.note_ward_merged_district",
      "address.note_ward_in_former_district",
    ]) {
      expect(messages[code]?.vi, code).toBeTruthy();
      expect(messages[code]?.en, code).toBeTruthy();
    }
  });
});
