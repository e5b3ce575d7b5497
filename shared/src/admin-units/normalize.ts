/**
 * Text normalisation for Vietnamese place names. Two jobs:
 *
 * - **Display comparison** ({@link canonicalizeTone}, {@link sameName}): NFC and one tone
 *   placement, so "Hoà Bình" and "Hòa Bình", "Thuỷ" and "Thủy" compare equal while keeping
 *   their diacritics.
 * - **Search keys** ({@link foldForSearch}, {@link normalizeForSearch}): lower case, no
 *   diacritics, đ -> d, punctuation as spaces, collapsed whitespace, and (for
 *   normalizeForSearch) one leading administrative prefix ("Thành phố", "Tỉnh", "Phường",
 *   "Xã", "Đặc khu", "TP.", "Q.", "P." ...) removed.
 *
 * Pure string functions; they run the same in the mini app and on the server.
 */

/** The five Vietnamese tone marks as combining characters (NFD). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** A run of letters (with their combining marks): one syllable in Vietnamese text. */
const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const COMBINING = /\p{M}/gu;

function canonicalSyllable(word: string): string {
  const decomposed = word.normalize("NFD");
  const tones = decomposed.match(TONE_MARKS);
  if (!tones || tones.length !== 1) return word;
  const tone = tones[0] as string;
  const bare = decomposed.replace(TONE_MARKS, "");
  const lower = bare.toLowerCase();
  if (lower.length !== bare.length) return word;
  // Only open syllables ending in oa / oe / uy have two accepted placements ("hòa"/"hoà",
  // "khỏe"/"khoẻ", "thủy"/"thuỷ"). We keep the traditional one, which is also how the
  // province names are spelled officially (Hòa Bình, Thanh Hóa, Khánh Hòa). After "q" the "u"
  // belongs to the consonant, so "quý" keeps the tone on the "y".
  const m = /(oa|oe|uy)$/.exec(lower);
  if (!m) return word;
  const at = m[1] === "uy" && lower[m.index - 1] === "q" ? m.index + 1 : m.index;
  return (bare.slice(0, at + 1) + tone + bare.slice(at + 1)).normalize("NFC");
}

/**
 * NFC with one canonical tone placement: "Hoà" -> "Hòa", "Thuỷ" -> "Thủy", "Qúy" -> "Quý".
 * Everything else (case, other letters, spacing) is left as it was.
 */
export function canonicalizeTone(s: string): string {
  return s.normalize("NFC").replace(LETTER_RUN, canonicalSyllable).normalize("NFC");
}

/** Exact comparison of two names for display purposes: same letters and diacritics, whatever the tone placement, case or spacing. */
export function sameName(a: string, b: string): boolean {
  const key = (s: string) => canonicalizeTone(s).trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
  return key(a) === key(b);
}

/** Strips every diacritic: "Đắk Lắk" -> "Dak Lak". Keeps case and punctuation. */
export function removeDiacritics(s: string): string {
  return s.normalize("NFD").replace(COMBINING, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

/**
 * Folds a string into a search key without touching its words: no diacritics, lower case,
 * anything other than a-z/0-9 becomes a space, whitespace collapsed, leading zeros of numbers
 * dropped ("Phường 05" and "P.5" both give "... 5").
 */
export function foldForSearch(s: string): string {
  return removeDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b0+(?=\d)/g, "")
    .trim();
}

/**
 * Administrative prefixes (already folded), longest first. Only one is removed, and only when
 * something remains after it, so "Xã Xà Phiên" keeps "xa phien" and a lone "p" stays "p".
 */
const ADMIN_PREFIXES = [
  "thanh pho",
  "dac khu",
  "thi tran",
  "thi xa",
  "phuong",
  "huyen",
  "tinh",
  "quan",
  "tp",
  "tx",
  "tt",
  "xa",
  "q",
  "p",
] as const;

/** Removes one leading administrative prefix from an already folded key. */
export function stripAdminPrefix(folded: string): string {
  for (const prefix of ADMIN_PREFIXES) {
    if (folded.startsWith(prefix + " ") && folded.length > prefix.length + 1) {
      return folded.slice(prefix.length + 1);
    }
  }
  return folded;
}

/**
 * The search key of a place name or a query: {@link foldForSearch} and then
 * {@link stripAdminPrefix}. "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh" and "ho chi minh" all
 * give "ho chi minh"; "Xã Hoà Bình" and "hoa binh" give "hoa binh".
 */
export function normalizeForSearch(s: string): string {
  return stripAdminPrefix(foldForSearch(s));
}
