// Recognising constraint errors across drivers, for idempotency keys and webhook dedupe:
// insert, and treat a unique violation as "already have it".

const UNIQUE_CODES = new Set([
  "23505", // PostgreSQL unique_violation (UNIQUE and PRIMARY KEY)
  "SQLITE_CONSTRAINT_UNIQUE",
  "SQLITE_CONSTRAINT_PRIMARYKEY",
  "unique_conflict", // UniqueConflict below
]);

/**
 * A row skipped by `INSERT ... ON CONFLICT DO NOTHING` in a multi-row insert, reported to its
 * caller as the unique violation a single-row insert would have raised.
 */
export class UniqueConflict extends Error {
  readonly code = "unique_conflict";
  constructor(what: string) {
    super(`${what}: a row with the same unique key exists`);
    this.name = "UniqueConflict";
  }
}

/** True for a UNIQUE/PRIMARY KEY violation from either dialect, also when wrapped as an Error cause. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && UNIQUE_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
