import { LEGACY_PROVINCES_63, PROVINCES_2025, PROVINCE_CODES, type ProvinceCode } from "./generated/provinces";
import { nameKey, queryKey, scoreName, type NameKey } from "./match";
import { sameName } from "./normalize";
import type { AdminNote, FormerProvince, Province } from "./types";

export { LEGACY_PROVINCES_63, PROVINCES_2025, PROVINCE_CODES, type ProvinceCode };

const byCode = new Map<string, Province>(PROVINCES_2025.map((p) => [p.code, p]));
const formerByCode = new Map<string, FormerProvince>(LEGACY_PROVINCES_63.map((p) => [p.code, p]));

export function isProvinceCode(code: string): code is ProvinceCode {
  return byCode.has(code);
}

/** A current province by its 2-digit code. */
export function provinceByCode(code: string): Province | undefined {
  return byCode.get(code);
}

/** A pre-2025 province by its legacy code (as embedded in CCCD numbers). */
export function formerProvinceByCode(code: string): FormerProvince | undefined {
  return formerByCode.get(code);
}

/** The current province a legacy code belongs to now: "74" (Bình Dương) -> Hồ Chí Minh. */
export function currentProvinceOfLegacy(legacyCode: string): Province | undefined {
  const former = formerByCode.get(legacyCode);
  return former ? byCode.get(former.mergedInto) : undefined;
}

export type ProvinceMatchKind = "current" | "former" | "alias";

export interface ProvinceMatch {
  province: Province;
  /** The name the query matched: the current name, a former province's name or an alias. */
  matchedName: string;
  matchedKind: ProvinceMatchKind;
  score: number;
  /** Set when the match was a former name: "Bình Dương nay thuộc Hồ Chí Minh". */
  note?: AdminNote;
}

interface Candidate {
  province: Province;
  name: string;
  kind: ProvinceMatchKind;
  key: NameKey;
  note?: AdminNote;
  /** Subtracted from the score so that, at the same rank, current names come first. */
  penalty: number;
}

/** Names people still type that are not one of the 63 (older merges) or are common short forms. */
const ALIASES: ReadonlyArray<{ name: string; code: string; note?: AdminNote }> = [
  { name: "Hà Tây", code: "01", note: { code: "address.note_merged_earlier", params: { old: "Hà Tây", new: "Hà Nội", year: 2008 } } },
  { name: "Sài Gòn", code: "79" },
  { name: "HCM", code: "79" },
  { name: "TPHCM", code: "79" },
  { name: "HCMC", code: "79" },
  { name: "SG", code: "79" },
  { name: "HN", code: "01" },
  { name: "BRVT", code: "79", note: { code: "address.note_merged", params: { old: "Bà Rịa - Vũng Tàu", new: "Hồ Chí Minh" } } },
  { name: "Bắc Cạn", code: "19", note: { code: "address.note_merged", params: { old: "Bắc Kạn", new: "Thái Nguyên" } } },
  { name: "Đắc Lắc", code: "66" },
];

function buildCandidates(): Candidate[] {
  const out: Candidate[] = [];
  for (const p of PROVINCES_2025) {
    out.push({ province: p, name: p.name, kind: "current", key: nameKey(p.name), penalty: 0 });
  }
  for (const f of LEGACY_PROVINCES_63) {
    const into = byCode.get(f.mergedInto);
    if (!into || sameName(f.name, into.name)) continue;
    // Only Thừa Thiên Huế -> Huế is a rename (nothing else merged in); the rest were merged.
    const renamed = into.mergedFrom.length === 1;
    const note: AdminNote = { code: renamed ? "address.note_renamed" : "address.note_merged", params: { old: f.name, new: into.name } };
    out.push({ province: into, name: f.name, kind: "former", key: nameKey(f.name), note, penalty: 5 });
  }
  for (const a of ALIASES) {
    const into = byCode.get(a.code);
    if (!into) continue;
    out.push({ province: into, name: a.name, kind: "alias", key: nameKey(a.name), ...(a.note ? { note: a.note } : {}), penalty: a.note ? 5 : 1 });
  }
  return out;
}

let candidates: Candidate[] | undefined;
const collator = new Intl.Collator("vi");

/**
 * Finds provinces by current or former name, without caring about diacritics, case, tone
 * placement or prefixes: "binh duong" gives Hồ Chí Minh with the note
 * `{code: "address.note_merged", params: {old: "Bình Dương", new: "Hồ Chí Minh"}}`.
 * One result per province, best first (exact > prefix > word > contains; current names before
 * former ones at the same rank).
 */
export function searchProvinces(query: string, opts: { limit?: number } = {}): ProvinceMatch[] {
  const q = queryKey(query);
  if (!q.key) return [];
  candidates ??= buildCandidates();
  const best = new Map<string, ProvinceMatch>();
  for (const c of candidates) {
    const raw = scoreName(c.key, q);
    if (raw <= 0) continue;
    const score = raw - c.penalty;
    const prev = best.get(c.province.code);
    if (prev && prev.score >= score) continue;
    best.set(c.province.code, {
      province: c.province,
      matchedName: c.name,
      matchedKind: c.kind,
      score,
      ...(c.note ? { note: c.note } : {}),
    });
  }
  const sorted = [...best.values()].sort((a, b) => b.score - a.score || collator.compare(a.province.name, b.province.name));
  return opts.limit === undefined ? sorted : sorted.slice(0, Math.max(0, opts.limit));
}

/** The single province a free-text name means, if the best match is exact (current or former name); otherwise undefined. */
export function resolveProvince(name: string): ProvinceMatch | undefined {
  const [first, second] = searchProvinces(name, { limit: 2 });
  if (!first || first.score < 90) return undefined;
  if (second && second.score === first.score) return undefined;
  return first;
}

