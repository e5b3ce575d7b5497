import { isUtf8 } from "node:buffer";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { AppError } from "./errors";

/** Our API documents are at most 6 levels deep; 32 leaves room and stops a 100,000-level `[[[...`. */
export const MAX_JSON_DEPTH = 32;

/**
 * Keys that reach for an object's prototype. JSON.parse makes them plain own keys, but code that
 * copies or merges them (`Object.assign`, a record schema, a spread into `{}`) sets a prototype.
 */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type JsonProblem = "not_utf8" | "too_deep" | "duplicate_key" | "forbidden_key" | "nul_char";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/**
 * Looks at a JSON body's bytes before JSON.parse sees it, for what JSON.parse accepts silently:
 * bytes that are not UTF-8 (decoded as U+FFFD, so the stored text is not what was sent), nesting
 * deeper than any document of ours, a key given twice (JSON.parse keeps the last one; another
 * parser on the way, a proxy or a log reader, may keep the first), prototype keys, and `\u0000`
 * in a string (PostgreSQL text cannot hold it: the query fails, a 500; no person types it).
 * One pass over the bytes, no recursion; it does not check the grammar, JSON.parse does.
 */
export function findJsonProblem(bytes: Uint8Array, maxDepth = MAX_JSON_DEPTH): JsonProblem | undefined {
  if (!isUtf8(bytes)) return "not_utf8";
  const text = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // One entry per open container: the keys seen so far for an object, null for an array.
  const open: (Set<string> | null)[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const b = text[i];
    if (b === 0x7b || b === 0x5b) {
      if (open.length >= maxDepth) return "too_deep";
      open.push(b === 0x7b ? new Set() : null);
    } else if (b === 0x7d || b === 0x5d) {
      open.pop();
    } else if (b === QUOTE) {
      const start = i;
      let escaped = false;
      let ascii = true;
      for (i++; i < n; i++) {
        const c = text[i] as number;
        if (c === BACKSLASH) {
          escaped = true;
          if (text[i + 1] === 0x75 && isNulEscape(text, i + 2)) return "nul_char";
          i++;
        } else if (c === QUOTE) break;
        else if (c >= 0x80) ascii = false;
      }
      const keys = open.at(-1);
      if (!keys) continue;
      let j = i + 1;
      while (j < n && (text[j] === 0x20 || text[j] === 0x0a || text[j] === 0x0d || text[j] === 0x09)) j++;
      if (text[j] !== COLON) continue;
      const key = keyText(text, start, i, escaped, ascii);
      if (key === undefined) continue; // a broken escape: JSON.parse will refuse the body
      if (FORBIDDEN_KEYS.has(key)) return "forbidden_key";
      if (keys.has(key)) return "duplicate_key";
      keys.add(key);
    }
  }
  return undefined;
}

const ZERO = 0x30;
/** `0000` after `\u`. */
function isNulEscape(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === ZERO && bytes[at + 1] === ZERO && bytes[at + 2] === ZERO && bytes[at + 3] === ZERO;
}

/** The key between the quotes at `start` and `end`, decoded as JSON.parse would. */
function keyText(text: Buffer, start: number, end: number, escaped: boolean, ascii: boolean): string | undefined {
  // Most keys: plain ASCII, read straight out of the buffer (no copy, no re-slicing).
  if (!escaped) return text.toString(ascii ? "latin1" : "utf8", start + 1, end);
  // `"\u005f_proto__"` is `__proto__` too: escapes are resolved before comparing.
  try {
    const value: unknown = JSON.parse(text.toString("utf8", start, end + 1));
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

const CODES: Record<JsonProblem, string> = {
  not_utf8: "http.json_not_utf8",
  too_deep: "http.json_too_deep",
  duplicate_key: "http.json_duplicate_key",
  forbidden_key: "http.json_forbidden_key",
  nul_char: "http.nul_char",
};

/** The same check as an error for the caller: 400 with a code saying what is wrong. */
export function jsonProblemError(problem: JsonProblem): AppError {
  return new AppError(CODES[problem], 400, problem === "too_deep" ? { params: { max: MAX_JSON_DEPTH } } : {});
}

/**
 * `%00` anywhere in the path or query: refused before any route, for the reason `\u0000` is
 * refused in bodies (a search for it would fail on PostgreSQL with a 500). A raw NUL never gets
 * this far: Node's parser refuses it.
 */
export const refuseNulInUrl: RequestHandler = (req, _res, next) => {
  next(req.originalUrl.includes("%00") ? new AppError("http.nul_char", 400) : undefined);
};

/**
 * body-parser's `verify` hook: runs on the raw bytes of every JSON body of the API before they
 * are decoded. Only UTF-8 is accepted (RFC 8259 §8.1), so a declared charset of UTF-16 is 415.
 */
export function verifyJsonBody(_req: IncomingMessage, _res: ServerResponse, bytes: Buffer, encoding: string): void {
  if (encoding.toLowerCase().replace("-", "") !== "utf8") throw new AppError("http.unsupported_media_type", 415);
  const problem = findJsonProblem(bytes);
  if (problem) throw jsonProblemError(problem);
}
