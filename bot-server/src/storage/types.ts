// Public types of the storage layer. Kept free of driver imports so feature code can depend on
// them without pulling better-sqlite3 or pg into its type graph.

export type Dialect = "sqlite" | "postgres";

/**
 * Values accepted as query parameters. Normalised identically for both dialects (see placeholders.ts):
 * booleans become 1/0, Dates become ISO-8601 UTC strings, Uint8Array becomes Buffer.
 */
export type SqlValue = string | number | bigint | boolean | null | Buffer | Uint8Array | Date;

export interface Queryable {
  readonly dialect: Dialect;
  /** SQL uses $1, $2... placeholders in both dialects; a placeholder may appear more than once. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** One or more statements without parameters (migrations, scripts). */
  exec(sql: string): Promise<void>;
  /**
   * Runs fn in one transaction; commits if it resolves, rolls back if it throws. Called on a
   * transaction (or on the Database from inside a transaction callback), it opens a savepoint:
   * a throwing inner call rolls back only its own work, so repositories can take any Queryable
   * and still group their statements.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs statements known in advance, in order, in one transaction (a savepoint inside one),
   * all or nothing; each one's rows (RETURNING, SELECT) come back in its slot. Same effect as a
   * `transaction` calling them one by one, without a round of promises per statement (SQLite)
   * and with every decision in the SQL, so a group commit is written in one go.
   */
  batch(statements: readonly Statement[]): Promise<Array<Record<string, unknown>[]>>;
}

export interface Statement {
  sql: string;
  params?: readonly SqlValue[];
}

export interface Database extends Queryable {
  /** Cheap round trip for /readyz; rejects when the database is unusable. */
  ping(): Promise<void>;
  /** Waits for a running SQLite transaction, then closes. Safe to call twice. */
  close(): Promise<void>;
}

/** Structural subset of pino's Logger, so a pino instance can be passed as is. */
export interface StorageLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
}

export interface OpenDatabaseOptions {
  /** postgres:// or postgresql:// URL; when absent, SQLite is used. */
  url?: string | undefined;
  /** SQLite file; default ./data/khaibao.sqlite (relative to the working directory). ":memory:" allowed. */
  sqlitePath?: string | undefined;
  logger?: StorageLogger | undefined;
  /** PostgreSQL pool size (default 10). */
  poolMax?: number | undefined;
  /** PostgreSQL schema put first on every connection's search_path (tests use one per run). */
  pgSchema?: string | undefined;
}
