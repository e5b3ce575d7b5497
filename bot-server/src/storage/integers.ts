// Integer results, same policy for both dialects: a 64-bit integer comes back as a JS number
// when it is a safe integer (counts, ids, SUM of INTEGER), otherwise as its exact decimal string.
// pg returns every int8 as a string and better-sqlite3 silently rounds above 2^53; neither is
// what callers want for COUNT(*), and rounding an id is never acceptable.

export function fromInt64(value: bigint | string): number | string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : String(value);
}

/** For better-sqlite3 rows read with safeIntegers(true): replaces bigint columns in place. */
export function convertRow<T>(row: Record<string, unknown>): T {
  for (const key in row) {
    const value = row[key];
    if (typeof value === "bigint") row[key] = fromInt64(value);
  }
  return row as T;
}
