import { foldForSearch, stripAdminPrefix } from "./normalize";

/** Precomputed search keys of one name. */
export interface NameKey {
  /** Folded, administrative prefix kept: "xa hoa binh". */
  readonly full: string;
  /** Folded, prefix removed: "hoa binh". */
  readonly key: string;
  /** " " + key, for word-start tests without allocating per query. */
  readonly spaced: string;
  /** `key` without spaces: "hoabinh" (people type "hanoi", "daklak"). */
  readonly compact: string;
  readonly words: readonly string[];
}

export function nameKey(name: string): NameKey {
  const full = foldForSearch(name);
  const key = stripAdminPrefix(full);
  return { full, key, spaced: ` ${key}`, compact: key.replace(/ /g, ""), words: key.split(" ") };
}

/** A prepared query: both with and without its prefix, since "xa" may be "Xã" or the start of "Xà Phiên". */
export interface QueryKey {
  readonly full: string;
  readonly key: string;
  readonly compact: string;
  readonly tokens: readonly string[];
  readonly spacedKey: string;
  readonly spacedFull: string;
}

export function queryKey(query: string): QueryKey {
  const full = foldForSearch(query);
  const key = stripAdminPrefix(full);
  return {
    full,
    key,
    compact: key.replace(/ /g, ""),
    tokens: key.split(" ").filter(Boolean),
    spacedKey: ` ${key}`,
    spacedFull: ` ${full}`,
  };
}

/** Match ranks, best first. Exact beats prefix beats word-start beats contains. */
export const SCORE = {
  exact: 100,
  compactExact: 95,
  prefix: 80,
  wordStart: 60,
  compactPrefix: 55,
  tokens: 45,
  contains: 40,
} as const;

/** Queries shorter than this only match at the start of a word ("a" should not list every name with an "a"). */
const MIN_CONTAINS = 2;

function scoreKey(name: string, spacedName: string, q: string, spacedQ: string): number {
  if (name === q) return SCORE.exact;
  if (name.startsWith(q)) return SCORE.prefix;
  if (spacedName.includes(spacedQ)) return SCORE.wordStart;
  if (q.length >= MIN_CONTAINS && name.includes(q)) return SCORE.contains;
  return 0;
}

/** Every query word starts some word of the name, in any order: "binh hoa" finds "Hòa Bình". */
function tokensMatch(name: NameKey, tokens: readonly string[]): boolean {
  if (tokens.length < 2) return false;
  for (const t of tokens) if (!name.key.includes(t)) return false; // cheap pre-check
  const used: number[] = [];
  for (const t of tokens) {
    let found = -1;
    for (let i = 0; i < name.words.length; i++) {
      if (!used.includes(i) && (name.words[i] as string).startsWith(t)) {
        found = i;
        break;
      }
    }
    if (found < 0) return false;
    used.push(found);
  }
  return true;
}

/**
 * How well a name matches a query, 0 for no match. The best of: the prefix-stripped keys, the
 * query with its prefix kept (so "xa phien" finds "Xã Xà Phiên"), the space-less forms and a
 * word-by-word match. A small bonus when the prefixes agree too ("Phường Hòa Bình" over "Xã Hòa Bình").
 */
export function scoreName(name: NameKey, q: QueryKey): number {
  if (!q.key) return 0;
  let best = scoreKey(name.key, name.spaced, q.key, q.spacedKey);
  if (best < SCORE.exact && q.full !== q.key) {
    best = Math.max(best, scoreKey(name.key, name.spaced, q.full, q.spacedFull));
    if (name.full === q.full) best = Math.max(best, SCORE.exact - 1);
  }
  if (best < SCORE.prefix - 1 && name.full.startsWith(q.full)) best = SCORE.prefix - 1; // "phuong" lists the Phường
  if (q.compact.length >= 3 && best < SCORE.compactExact) {
    if (name.compact === q.compact) best = SCORE.compactExact;
    else if (best < SCORE.compactPrefix && name.compact.startsWith(q.compact)) best = SCORE.compactPrefix;
  }
  if (best < SCORE.tokens && tokensMatch(name, q.tokens)) best = SCORE.tokens;
  if (best > 0 && q.full !== q.key && name.full === q.full) best += 2;
  return best;
}
