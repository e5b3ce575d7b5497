import type { MessageParams } from "../i18n/types";
import { nameKey, queryKey, scoreName, type NameKey, type QueryKey } from "./match";
import { provinceByCode } from "./provinces";
import type { AdminNote, Ward, WardLookup, WardType } from "./types";

/** The type of a ward from its official name's prefix. */
export function wardTypeOf(name: string): WardType | undefined {
  const n = name.normalize("NFC").trimStart();
  if (n.startsWith("Phường ")) return "ward";
  if (n.startsWith("Xã ")) return "commune";
  if (n.startsWith("Đặc khu ")) return "special_zone";
  return undefined;
}

export type WardMatchKind = "current" | "old_ward" | "old_district";

export interface WardMatch {
  ward: Ward;
  provinceName: string;
  /** The name the query matched: the ward's own, a former ward's or a former district's. */
  matchedName: string;
  matchedKind: WardMatchKind;
  score: number;
  /** Set for matches on a former name: "Phường Hàng Bạc cũ nay thuộc Phường Hoàn Kiếm". */
  note?: AdminNote;
}

export interface WardSearchOptions {
  /** Only wards of this (current) province. */
  provinceCode?: string;
  /** At most this many results (default 20). */
  limit?: number;
}

interface IndexedName {
  name: string;
  key: NameKey;
}

interface IndexedWard {
  ward: Ward;
  own: NameKey;
  oldNames: IndexedName[];
  oldDistricts: IndexedName[];
}

/** Ranks below a current name of the same quality; a former district is a weaker hint than a former ward. */
const OLD_WARD_PENALTY = 5;
const OLD_DISTRICT_PENALTY = 30;
export const DEFAULT_WARD_LIMIT = 20;

const collator = new Intl.Collator("vi");

/** Wards prepared for repeated searches (keys computed once). */
export class WardIndex {
  readonly #all: IndexedWard[];
  readonly #byProvince = new Map<string, IndexedWard[]>();

  constructor(wards: readonly Ward[]) {
    // Former district names repeat across many wards: compute each key once.
    const keys = new Map<string, NameKey>();
    const keyOf = (name: string) => {
      let k = keys.get(name);
      if (!k) {
        k = nameKey(name);
        keys.set(name, k);
      }
      return k;
    };
    this.#all = wards.map((ward) => ({
      ward,
      own: keyOf(ward.name),
      oldNames: (ward.oldNames ?? []).map((name) => ({ name, key: keyOf(name) })),
      oldDistricts: (ward.oldDistricts ?? []).map((name) => ({ name, key: keyOf(name) })),
    }));
    for (const w of this.#all) {
      const list = this.#byProvince.get(w.ward.provinceCode);
      if (list) list.push(w);
      else this.#byProvince.set(w.ward.provinceCode, [w]);
    }
  }

  search(query: string, opts: WardSearchOptions = {}): WardMatch[] {
    const q = queryKey(query);
    if (!q.key) return [];
    const pool = opts.provinceCode === undefined ? this.#all : (this.#byProvince.get(opts.provinceCode) ?? []);
    const found: WardMatch[] = [];
    for (const w of pool) {
      const match = matchWard(w, q);
      if (match) found.push(match);
    }
    found.sort(
      (a, b) =>
        b.score - a.score ||
        collator.compare(a.ward.name, b.ward.name) ||
        a.ward.code.localeCompare(b.ward.code),
    );
    const limit = opts.limit ?? DEFAULT_WARD_LIMIT;
    return found.slice(0, Math.max(0, limit));
  }
}

function matchWard(w: IndexedWard, q: QueryKey): WardMatch | undefined {
  let score = scoreName(w.own, q);
  let kind: WardMatchKind = "current";
  let matched: IndexedName | undefined;
  for (const old of w.oldNames) {
    const s = scoreName(old.key, q) - OLD_WARD_PENALTY;
    if (s > 0 && s > score) {
      score = s;
      kind = "old_ward";
      matched = old;
    }
  }
  for (const district of w.oldDistricts) {
    const s = scoreName(district.key, q) - OLD_DISTRICT_PENALTY;
    if (s > 0 && s > score) {
      score = s;
      kind = "old_district";
      matched = district;
    }
  }
  if (score <= 0) return undefined;
  const provinceName = provinceByCode(w.ward.provinceCode)?.name ?? w.ward.provinceCode;
  if (kind === "current" || !matched) return { ward: w.ward, provinceName, matchedName: w.ward.name, matchedKind: "current", score };
  const note: AdminNote =
    kind === "old_ward"
      ? oldWardNote(matched.name, w.ward)
      : { code: "address.note_ward_in_former_district", params: { district: matched.name, new: w.ward.name } };
  return { ward: w.ward, provinceName, matchedName: matched.name, matchedKind: kind, score, note };
}

function oldWardNote(oldName: string, ward: Ward): AdminNote {
  const districts = ward.oldDistricts ?? [];
  // With a single former district we know which "Phường 12" is meant; with several we don't.
  if (districts.length === 1) {
    return { code: "address.note_ward_merged_district", params: { old: oldName, district: districts[0] as string, new: ward.name } };
  }
  return { code: "address.note_ward_merged", params: { old: oldName, new: ward.name } };
}

const indexes = new WeakMap<readonly Ward[], WardIndex>();

/**
 * Searches wards by current name and by the names of the former wards merged into them
 * (and, more weakly, their former districts). Diacritics, case, tone placement ("Hoà"/"Hòa")
 * and prefixes ("Phường", "Xã", "P.") do not matter. Pure: the ward list is passed in (the mini
 * app passes one province's wards, the server all of them); its index is cached per array.
 */
export function searchWards(wards: readonly Ward[], query: string, opts: WardSearchOptions = {}): WardMatch[] {
  let index = indexes.get(wards);
  if (!index) {
    index = new WardIndex(wards);
    indexes.set(wards, index);
  }
  return index.search(query, opts);
}

export type WardCheck =
  | { ok: true; ward: Pick<Ward, "code" | "name" | "provinceCode"> }
  | { ok: false; code: "address.ward_required" | "address.ward_unknown" | "address.ward_not_in_province"; params?: MessageParams };

function lookupWard(lookup: WardLookup, code: string) {
  return typeof lookup === "function" ? lookup(code) : lookup.ward(code);
}

/**
 * Checks that a ward code exists and belongs to the province. The failure carries a catalogue
 * code (`address.ward_unknown`, `address.ward_not_in_province` with `{ward, province}`).
 */
export function checkWardInProvince(wardCode: string, provinceCode: string, lookup: WardLookup): WardCheck {
  if (!wardCode) return { ok: false, code: "address.ward_required" };
  const ward = lookupWard(lookup, wardCode);
  if (!ward) return { ok: false, code: "address.ward_unknown", params: { code: wardCode } };
  if (ward.provinceCode !== provinceCode) {
    const province = provinceByCode(provinceCode)?.name ?? provinceCode;
    return { ok: false, code: "address.ward_not_in_province", params: { ward: ward.name, province } };
  }
  return { ok: true, ward };
}

/**
 * A zod `superRefine` body for objects with a province and a ward code: adds a custom issue
 * (message = catalogue code) at the ward field when {@link checkWardInProvince} fails.
 *
 *     residenceSchema.superRefine(refineWardInProvince(lookup))
 */
export function refineWardInProvince(
  lookup: WardLookup,
  fields: { province: string; ward: string } = { province: "provinceCode", ward: "wardCode" },
) {
  return (
    value: Record<string, unknown>,
    ctx: { addIssue(issue: { code: "custom"; message: string; path: PropertyKey[]; params?: Record<string, unknown> }): void },
  ): void => {
    const provinceCode = value[fields.province];
    const wardCode = value[fields.ward];
    if (typeof provinceCode !== "string" || typeof wardCode !== "string") return;
    const result = checkWardInProvince(wardCode, provinceCode, lookup);
    if (result.ok) return;
    ctx.addIssue({ code: "custom", message: result.code, path: [fields.ward], ...(result.params ? { params: { ...result.params } } : {}) });
  };
}
