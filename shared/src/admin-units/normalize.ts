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

const COMBINING = /\p{M}/gu;

/**
 * The only syllables with two accepted tone placements are open ones ending in oa / oe / uy:
 * "hòa"/"hoà", "khỏe"/"khoẻ", "thủy"/"thuỷ". We keep the traditional placement, which is also how
 * the province names are spelled officially (Hòa Bình, Thanh Hóa, Khánh Hòa). After "q" the
 * "u" belongs to the consonant, so "quý" keeps its tone on the "y" ("qúy" is fixed the other way).
 * Matched on NFC text: a vowel pair at the end of a word with the tone on the wrong letter.
 */
const NEW_STYLE_OA_OE = /([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])(?![\p{L}\p{M}])/gu;
const NEW_STYLE_UY = /(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;
const MISPLACED_QUY = /([qQ])([ùúủũụÙÚỦŨỤ])([yY])(?![\p{L}\p{M}])/gu;
/** Cheap pre-check (no Unicode-mode regex): could any of the three patterns above match? */
const MAYBE_VARIANT = /[oOuUqQ][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴùúủũụÙÚỦŨỤ]/;
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;

/** Splits a toned vowel into its bare letter and its tone mark: "à" -> ["a", "\u0300"]. */
function splitTone(ch: string): [string, string] {
  const d = ch.normalize("NFD");
  const tone = TONE_MARK.exec(d)?.[0] ?? "";
  return [d.replace(TONE_MARK, "").normalize("NFC"), tone];
}

/**
 * NFC with one canonical tone placement: "Hoà" -> "Hòa", "Thuỷ" -> "Thủy", "Qúy" -> "Quý".
 * Everything else (case, other letters, spacing) is left as it was.
 */
export function canonicalizeTone(s: string): string {
  const n = s.normalize("NFC");
  if (!MAYBE_VARIANT.test(n)) return n;
  const moveToFirst = (_: string, first: string, second: string) => {
    const [bare, tone] = splitTone(second);
    return (first + tone).normalize("NFC") + bare;
  };
  return n
    .replace(NEW_STYLE_OA_OE, moveToFirst)
    .replace(NEW_STYLE_UY, moveToFirst)
    .replace(MISPLACED_QUY, (_: string, q: string, u: string, y: string) => {
      const [bare, tone] = splitTone(u);
      return q + bare + (y + tone).normalize("NFC");
    });
}

/** Exact comparison of two names for display purposes: same letters and diacritics, whatever the tone placement, case or spacing. */
export function sameName(a: string, b: string): boolean {
  const key = (s: string) => canonicalizeTone(s).trim().replace(/\s+/g, " ").toLowerCase();
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
  // Vietnamese diacritics are all in U+0300-U+036F once decomposed; anything else that is not
  // a-z/0-9 becomes a space below anyway.
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
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
