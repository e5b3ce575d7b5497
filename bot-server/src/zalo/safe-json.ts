/**
 * JSON.parse that keeps integers beyond 2^53 exact, as their decimal string. Zalo's ids are
 * 64-bit numbers (e.g. 2468458835296197922); when an answer carries one unquoted, plain
 * JSON.parse silently rounds it and we would attribute a declaration to someone else.
 * Numbers inside strings are untouched: the scan tracks string literals and escapes.
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text));
}

const DIGIT = /[0-9]/;

export function quoteUnsafeIntegers(text: string): string {
  let out = "";
  let copiedUpTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    if (c !== "-" && !DIGIT.test(c ?? "")) continue;
    let end = i + 1;
    while (end < text.length && /[0-9.eE+-]/.test(text[end] ?? "")) end++;
    const literal = text.slice(i, end);
    if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
      out += `${text.slice(copiedUpTo, i)}"${literal}"`;
      copiedUpTo = end;
    }
    i = end - 1;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}
