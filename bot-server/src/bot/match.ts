import { foldForSearch } from "@khaibao/shared";

/**
 * Fuzzy phrase matching for what citizens type: "Khai báo", "khai bao", "khia bao" and
 * "KHAI BÁO!!" are one phrase. Text is folded (no diacritics, lower case, words only) and
 * compared word by word; a word of 4 letters or more may be one edit away (Damerau-Levenshtein:
 * a letter added, dropped, changed, or two neighbours swapped). Short words must be exact:
 * "bao" one edit away is "bo", "ba", "bão"... too many real words.
 */

/** The words of a text as a search key: "Gặp nhân viên!" -> ["gap", "nhan", "vien"]. */
export function words(text: string): string[] {
  const folded = foldForSearch(text);
  return folded === "" ? [] : folded.split(" ");
}

/** Optimal string alignment distance, stopped early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

const FUZZY_MIN_LENGTH = 4;
/** A phrase of one word matches fuzzily only when that word is long ("bluezon"), never "chao" ~ "chac". */
const FUZZY_SINGLE_WORD_MIN_LENGTH = 6;

/** 1 for the same word, 0.8 for one edit away (both words long enough), else 0. */
function wordScore(typed: string, wanted: string): number {
  if (typed === wanted) return 1;
  if (typed.length >= FUZZY_MIN_LENGTH && wanted.length >= FUZZY_MIN_LENGTH && editDistance(typed, wanted) <= 1) return 0.8;
  return 0;
}

/**
 * How well `phrase` (already split into folded words) occurs in `text` as consecutive words:
 * the sum of its word scores at the best position, or 0 when it does not occur. A phrase of
 * several words needs at least one exact word, so two typos never add up to a match.
 */
export function phraseScore(text: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0 || phrase.length > text.length) return 0;
  let best = 0;
  for (let start = 0; start + phrase.length <= text.length; start++) {
    let score = 0;
    let exact = 0;
    for (let k = 0; k < phrase.length; k++) {
      const s = wordScore(text[start + k]!, phrase[k]!);
      if (s === 0) {
        score = 0;
        break;
      }
      if (s === 1) exact++;
      score += s;
    }
    if (score === 0) continue;
    if (exact === 0 && !(phrase.length === 1 && phrase[0]!.length >= FUZZY_SINGLE_WORD_MIN_LENGTH)) continue;
    best = Math.max(best, score);
  }
  return best;
}

/** The best score of any of the phrases. */
export function bestPhraseScore(text: readonly string[], phrases: readonly (readonly string[])[]): number {
  let best = 0;
  for (const p of phrases) best = Math.max(best, phraseScore(text, p));
  return best;
}
