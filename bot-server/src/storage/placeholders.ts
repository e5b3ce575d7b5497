// Parameters: one normalisation for both dialects, plus SQLite binding of $n placeholders.
//
// SQLite itself parses "$1" as a named parameter called "1" (its Tcl-style $name syntax), and
// better-sqlite3 binds it from an object key "1". So no SQL text is rewritten: SQLite's own
// tokenizer decides what is a placeholder, which keeps "$1" inside string literals, quoted
// identifiers and comments untouched, and "$1" used twice binds the same value. (better-sqlite3
// rejects an array for "?NNN" parameters, so an object is required anyway.)
// Trap: PostgreSQL's "$1::int" cast is read by SQLite as a parameter named "1::int"; write
// CAST($1 AS INTEGER), which both accept.

import type { SqlValue } from "./types";

export type BoundValue = string | number | bigint | null | Buffer;

/**
 * Same conversion for both dialects, so a row written through either reads back alike:
 * booleans → 1/0 (PostgreSQL accepts '1'/'0' for INTEGER and BOOLEAN columns alike; SQLite has
 * no boolean), Dates → ISO-8601 UTC text (pg would otherwise send local time with an offset),
 * Uint8Array → Buffer. An invalid Date throws instead of storing "Invalid Date".
 */
export function normalizeParam(value: SqlValue): BoundValue {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return value as BoundValue;
}

export function normalizeParams(params: readonly SqlValue[] | undefined): BoundValue[] {
  return params ? params.map(normalizeParam) : [];
}

/** better-sqlite3 binding object for $1..$n: { "1": v1, "2": v2, ... }. */
export function sqliteParams(params: readonly SqlValue[] | undefined): Record<string, BoundValue> {
  const bound: Record<string, BoundValue> = {};
  params?.forEach((value, i) => {
    bound[String(i + 1)] = normalizeParam(value);
  });
  return bound;
}
