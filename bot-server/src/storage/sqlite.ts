// SQLite through better-sqlite3: one synchronous connection per Database, wrapped to the async
// Queryable contract. Every statement outside a transaction queues on a mutex, and a transaction
// holds that mutex from BEGIN to COMMIT, so other callers never interleave into it.
// Use one Database per file per process: a second in-process connection blocked on the file lock
// would block the event loop (busy_timeout is a synchronous wait) that the first one needs.

import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { SAFETY_NET_PAGES, startCheckpointer, type Checkpointer } from "./checkpointer";
import { convertRow } from "./integers";
import { Mutex } from "./mutex";
import { sqliteParams } from "./placeholders";
import { activeScope, Scope, type Connection } from "./scope";
import type { Database, Queryable, SqlValue, Statement, StorageLogger } from "./types";

export const DEFAULT_SQLITE_PATH = "./data/khaibao.sqlite";
const BUSY_TIMEOUT_MS = 5_000;
/** Prepared statements are reused; the bound keeps ad-hoc SQL from growing the cache forever. */
const STATEMENT_CACHE_SIZE = 500;

export interface SqliteOptions {
  /**
   * Copy the WAL back in a background thread (default true). A second connection to a file whose
   * server already runs one (the declaration thread's) leaves it off.
   */
  backgroundCheckpoints?: boolean;
  /**
   * While another connection holds the write lock: "yield" (default) retries from the event
   * loop, which serves other requests meanwhile; "block" lets SQLite sleep in the call (a
   * connection on a thread of its own, where nothing else waits).
   */
  whenBusy?: "yield" | "block";
}

export function openSqlite(file: string, logger?: StorageLogger, options: SqliteOptions = {}): Database {
  const inMemory = file === ":memory:" || file === "";
  if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const yieldWhenBusy = options.whenBusy !== "block";
  const raw = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    // WAL: readers in other processes (backups, CLI) don't block the server's writes.
    const mode = raw.pragma("journal_mode = WAL", { simple: true });
    if (!inMemory && mode !== "wal") logger?.warn({ file, journalMode: mode }, "SQLite did not switch to WAL mode");
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    raw.pragma("foreign_keys = ON");
    // NORMAL is durable against application crashes in WAL mode; only power loss may drop the last commits.
    raw.pragma("synchronous = NORMAL");
    // Statement journals (every multi-row INSERT with a foreign key or CHECK keeps one, to undo
    // itself alone) in memory instead of a temporary file: the group commits' batch INSERTs
    // spent about a third of their time writing and truncating that file. Temporary tables and
    // sorts live in memory too, which is fine at this database's sizes (a bigger deployment
    // runs on PostgreSQL).
    raw.pragma("temp_store = MEMORY");
    // SQLite's own busy handler sleeps in the call (1 ms, 2 ms, 5 ms...), which on the event loop
    // stops every request; with a second writer (the declaration thread) that happened often.
    // Past opening, a busy connection says so at once and `retryWhileBusy` waits without blocking.
    if (yieldWhenBusy) raw.pragma("busy_timeout = 0");
    // 64-bit integers are read as bigint, then converted by integers.ts (number if safe, else string).
    raw.defaultSafeIntegers(true);
  } catch (error) {
    raw.close();
    throw error;
  }
  logger?.info({ file: inMemory ? ":memory:" : path.resolve(file) }, "SQLite database opened");
  if (inMemory || options.backgroundCheckpoints === false) return new SqliteDatabase(raw, undefined, yieldWhenBusy);
  raw.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  const checkpointer = startCheckpointer(path.resolve(file), {
    logger,
    // Back to SQLite's default, on this thread: slower commits, but a bounded WAL.
    onFailure: () => raw.open && raw.pragma("wal_autocheckpoint = 1000"),
  });
  return new SqliteDatabase(raw, checkpointer, yieldWhenBusy);
}

const isBusy = (error: unknown) => error instanceof BetterSqlite3.SqliteError && error.code.startsWith("SQLITE_BUSY");

/**
 * Runs `fn` (one statement, or BEGIN/COMMIT), and while another connection holds the write lock
 * tries again after giving the event loop a turn, for up to BUSY_TIMEOUT_MS; then the
 * SQLITE_BUSY error is thrown as SQLite's own handler would. A statement refused with
 * SQLITE_BUSY did nothing, so running it again is safe.
 */
async function retryWhileBusy<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      // Other connections' transactions last about a millisecond: check again soon.
      await new Promise((resolve) => (attempt <= 3 ? setImmediate(resolve) : setTimeout(resolve, Math.min(attempt - 3, 10))));
    }
  }
}

class SqliteDatabase implements Database {
  readonly dialect = "sqlite" as const;
  private readonly lock = new Mutex();
  private readonly current = new AsyncLocalStorage<Scope>();
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private closed = false;
  /** Direct access, used by scopes that already hold the lock. */
  private readonly conn: Connection = {
    all: async <T>(sql: string, params?: readonly SqlValue[]) => this.allNow<T>(sql, params),
    get: async <T>(sql: string, params?: readonly SqlValue[]) => this.getNow<T>(sql, params),
    run: async (sql, params) => this.runNow(sql, params),
    exec: async (sql) => void this.raw.exec(sql),
  };

  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly checkpointer?: Checkpointer,
    private readonly yieldWhenBusy = false,
  ) {}

  /** `fn` now, or retried from the event loop while another connection writes (see `whenBusy`). */
  private whenFree<T>(fn: () => T): T | Promise<T> {
    return this.yieldWhenBusy ? retryWhileBusy(fn) : fn();
  }

  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    const scope = activeScope(this.current);
    return scope ? scope.all<T>(sql, params) : this.lock.run(() => this.whenFree(() => this.allNow<T>(sql, params)));
  }

  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    const scope = activeScope(this.current);
    return scope ? scope.get<T>(sql, params) : this.lock.run(() => this.whenFree(() => this.getNow<T>(sql, params)));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    const scope = activeScope(this.current);
    return scope ? scope.run(sql, params) : this.lock.run(() => this.whenFree(() => this.runNow(sql, params)));
  }

  exec(sql: string): Promise<void> {
    const scope = activeScope(this.current);
    return scope ? scope.exec(sql) : this.lock.run(async () => void (await this.whenFree(() => this.raw.exec(sql))));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const scope = activeScope(this.current);
    if (scope) return scope.transaction(fn);
    return this.writeTransaction(() => new Scope("sqlite", this.conn, this.current).runBody(fn));
  }

  batch(statements: readonly Statement[]): Promise<Array<Record<string, unknown>[]>> {
    const scope = activeScope(this.current);
    if (scope) return scope.batch(statements);
    // Synchronous from BEGIN to COMMIT: no promise round per statement.
    return this.writeTransaction(() => statements.map((s) => this.allNow<Record<string, unknown>>(s.sql, s.params)));
  }

  /** Holds the lock from BEGIN IMMEDIATE to COMMIT (or ROLLBACK when body throws). */
  private writeTransaction<T>(body: () => T | Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      // IMMEDIATE takes the write lock now, so another process can't make us fail mid-transaction
      // with SQLITE_BUSY when our first write tries to upgrade a read lock.
      await this.whenFree(() => this.raw.exec("BEGIN IMMEDIATE"));
      try {
        const result = await body();
        await this.whenFree(() => this.raw.exec("COMMIT"));
        return result;
      } catch (error) {
        // Some errors (SQLITE_FULL, IOERR...) already rolled back; ROLLBACK would then throw and hide them.
        if (this.raw.inTransaction) this.raw.exec("ROLLBACK");
        throw error;
      }
    });
  }

  async ping(): Promise<void> {
    await this.get("SELECT 1 AS ok");
  }

  close(): Promise<void> {
    return this.lock.run(async () => {
      if (this.closed) return;
      this.closed = true;
      this.statements.clear();
      // The checkpoint thread's last round runs while our connection is still open, so closing
      // ours (the last one) finds the WAL already copied back and removes it.
      await this.checkpointer?.stop();
      this.raw.close();
    });
  }

  private prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      // Refresh recency: Map iteration order makes the first key the least recently used.
      this.statements.delete(sql);
    } else {
      statement = this.raw.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.statements.keys().next();
        if (!oldest.done) this.statements.delete(oldest.value);
      }
    }
    this.statements.set(sql, statement);
    return statement;
  }

  private allNow<T>(sql: string, params?: readonly SqlValue[]): T[] {
    const statement = this.prepare(sql);
    const bound = sqliteParams(params);
    // PostgreSQL returns no rows for a statement without RETURNING; better-sqlite3 would throw.
    if (!statement.reader) {
      statement.run(bound);
      return [];
    }
    return (statement.all(bound) as Record<string, unknown>[]).map((row) => convertRow<T>(row));
  }

  private getNow<T>(sql: string, params?: readonly SqlValue[]): T | undefined {
    const statement = this.prepare(sql);
    const bound = sqliteParams(params);
    if (!statement.reader) {
      statement.run(bound);
      return undefined;
    }
    const row = statement.get(bound) as Record<string, unknown> | undefined;
    return row ? convertRow<T>(row) : undefined;
  }

  private runNow(sql: string, params?: readonly SqlValue[]): { changes: number } {
    return { changes: this.prepare(sql).run(sqliteParams(params)).changes };
  }
}
