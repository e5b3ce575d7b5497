import { OA_TEXT_MAX } from "@khaibao/shared";

const graphemes = new Intl.Segmenter("vi", { granularity: "grapheme" });

/** Preferred places to cut, best first: a paragraph, a line, after a sentence, a space. */
const BREAKS: readonly RegExp[] = [/\n[ \t]*\n/g, /\n/g, /[.!?…](?=\s)/g, /\s/g];

/**
 * Splits a text into messages of at most `max` UTF-16 code units (Zalo's 2,000-character limit,
 * measured the strictest way). Cuts at a paragraph, line, sentence or space in the second half of
 * each piece when there is one, and never inside a character: a Vietnamese letter with its
 * combining tone mark, an emoji or a surrogate pair always stays whole.
 */
export function splitText(text: string, max: number = OA_TEXT_MAX): string[] {
  if (max < 16) throw new Error("splitText: max too small");
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= max) {
      pushTrimmed(pieces, text.slice(start));
      break;
    }
    const hardEnd = lastGraphemeBoundary(text, start, max);
    const window = text.slice(start, hardEnd);
    let cut = window.length;
    for (const pattern of BREAKS) {
      const at = lastMatchEnd(window, pattern, Math.floor(window.length / 2));
      if (at !== undefined) {
        cut = at;
        break;
      }
    }
    pushTrimmed(pieces, window.slice(0, cut));
    start += cut;
    while (start < text.length && /\s/.test(text[start] ?? "")) start++;
  }
  return pieces.length > 0 ? pieces : [text.slice(0, max)];
}

function pushTrimmed(pieces: string[], piece: string): void {
  const trimmed = piece.trimEnd();
  if (trimmed.trim() !== "") pieces.push(trimmed);
}

/** The end of the last match of `pattern` in `text` that ends at or after `from`. */
function lastMatchEnd(text: string, pattern: RegExp, from: number): number | undefined {
  let found: number | undefined;
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    const end = m.index + m[0].length;
    if (end >= from && end < text.length + 1) found = end;
  }
  return found;
}

/** The furthest grapheme boundary at most `max` code units after `start`. */
function lastGraphemeBoundary(text: string, start: number, max: number): number {
  // A little past the limit, so the grapheme straddling it is seen whole and left out.
  const slice = text.slice(start, start + max + 32);
  let last = 0;
  for (const { index, segment } of graphemes.segment(slice)) {
    const end = index + segment.length;
    if (end > max) break;
    last = end;
  }
  if (last === 0) {
    // One "grapheme" longer than the limit (absurd combining runs): cut between code points.
    last = max;
    const code = text.charCodeAt(start + last - 1);
    if (code >= 0xd800 && code <= 0xdbff) last--;
  }
  return start + last;
}
