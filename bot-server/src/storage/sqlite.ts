// SQLite through better-sqlite3, with the connection in its own thread (sqlite-thread.ts) and
// the async Queryable contract here. Every statement outside a transaction queues on a mutex, and
// a transaction holds that mutex from BEGIN to COMMIT, so other callers never interleave into it.
// Use one Database per file per process (other processes, CLIs and the checkpoint thread may
// open the file too: WAL lets them, and a busy lock now waits in a thread, not on the event loop).

import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { SAFETY_NET_PAGES, startCheckpointer, type Checkpointer } from "./checkpointer";
import { fromInt64 } from "./integers";
import { Mutex } from "./mutex";
import { normalizeParams } from "./placeholders";
import { activeScope, Scope, type Connection } from "./scope";
import { SqliteThread } from "./sqlite-thread";
import type { Database, Queryable, SqlValue, Statement, StorageLogger } from "./types";

export const DEFAULT_SQLITE_PATH = "./data/khaibao.sqlite";
const BUSY_TIMEOUT_MS = 5_000;
/** Prepared statements are reused; the bound keeps ad-hoc SQL from growing the cache forever. */
const STATEMENT_CACHE_SIZE = 500;

export async function openSqlite(file: string, logger?: StorageLogger): Promise<Database> {
  const inMemory = file === ":memory:" || file === "";
  if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const resolved = inMemory ? ":memory:" : path.resolve(file);
  const thread = new SqliteThread({
    file: resolved,
    busyTimeoutMs: BUSY_TIMEOUT_MS,
    statementCacheSize: STATEMENT_CACHE_SIZE,
    walAutocheckpoint: inMemory ? undefined : SAFETY_NET_PAGES,
  });
  try {
    // WAL: readers in other processes (backups, CLI) don't block the server's writes.
    // NORMAL is durable against application crashes in WAL mode; only power loss may drop the last commits.
    // 64-bit integers are read as bigint, then converted here (number if safe, else string).
    const { journalMode } = await thread.call<{ journalMode: string }>("open");
    if (!inMemory && journalMode !== "wal") logger?.warn({ file: resolved, journalMode }, "SQLite did not switch to WAL mode");
  } catch (error) {
    await thread.terminate();
    throw error;
  }
  logger?.info({ file: resolved }, "SQLite database opened");
  if (inMemory) return new SqliteDatabase(thread);
  const checkpointer = startCheckpointer(resolved, {
    logger,
    // Back to SQLite's default in the connection's thread: a bounded WAL whatever happens.
    onFailure: () => void thread.call("pragma", "wal_autocheckpoint = 1000").catch(() => undefined),
  });
  return new SqliteDatabase(thread, checkpointer);
}

/** Rows as both dialects return them: Buffers for BLOBs, safe integers as numbers, others as text. */
function fromThread<T>(row: Record<string, unknown>): T {
  for (const key in row) {
    const value = row[key];
    if (typeof value === "bigint") row[key] = fromInt64(value);
    else if (value instanceof Uint8Array && !Buffer.isBuffer(value)) row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return row as T;
}

class SqliteDatabase implements Database {
  readonly dialect = "sqlite" as const;
  private readonly lock = new Mutex();
  private readonly current = new AsyncLocalStorage<Scope>();
  private closed = false;
  /** Direct access, used by scopes that already hold the lock. */
  private readonly conn: Connection = {
    all: async <T>(sql: string, params?: readonly SqlValue[]) => this.allNow<T>(sql, params),
    get: async <T>(sql: string, params?: readonly SqlValue[]) => this.getNow<T>(sql, params),
    run: async (sql, params) => this.thread.call<{ changes: number }>("run", sql, normalizeParams(params)),
    exec: async (sql) => this.thread.call<void>("exec", sql),
  };

  constructor(
    private readonly thread: SqliteThread,
    private readonly checkpointer?: Checkpointer,
  ) {}

  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    const scope = activeScope(this.current);
    return scope ? scope.all<T>(sql, params) : this.lock.run(() => this.allNow<T>(sql, params));
  }

  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    const scope = activeScope(this.current);
    return scope ? scope.get<T>(sql, params) : this.lock.run(() => this.getNow<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    const scope = activeScope(this.current);
    return scope ? scope.run(sql, params) : this.lock.run(() => this.conn.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    const scope = activeScope(this.current);
    return scope ? scope.exec(sql) : this.lock.run(() => this.conn.exec(sql));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const scope = activeScope(this.current);
    if (scope) return scope.transaction(fn);
    return this.lock.run(async () => {
      // IMMEDIATE takes the write lock now, so another process can't make us fail mid-transaction
      // with SQLITE_BUSY when our first write tries to upgrade a read lock.
      await this.thread.call("exec", "BEGIN IMMEDIATE");
      try {
        const result = await new Scope("sqlite", this.conn, this.current).runBody(fn);
        await this.thread.call("exec", "COMMIT");
        return result;
      } catch (error) {
        await this.thread.call("rollback").catch(() => undefined);
        throw error;
      }
    });
  }

  batch(statements: readonly Statement[]): Promise<Array<Record<string, unknown>[]>> {
    const scope = activeScope(this.current);
    if (scope) return scope.batch(statements);
    return this.lock.run(async () => {
      const results = await this.thread.call<Array<Record<string, unknown>[]>>(
        "batch",
        undefined,
        statements.map((s) => ({ sql: s.sql, params: normalizeParams(s.params) })),
      );
      return results.map((rows) => rows.map((row) => fromThread(row)));
    });
  }

  async ping(): Promise<void> {
    await this.get("SELECT 1 AS ok");
  }

  close(): Promise<void> {
    return this.lock.run(async () => {
      if (this.closed) return;
      this.closed = true;
      // The checkpoint thread's last round runs while our connection is still open, so closing
      // ours (the last one) finds the WAL already copied back and removes it.
      await this.checkpointer?.stop();
      await this.thread.close();
    });
  }

  private async allNow<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    const rows = await this.thread.call<Record<string, unknown>[]>("all", sql, normalizeParams(params));
    return rows.map((row) => fromThread<T>(row));
  }

  private async getNow<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    const row = await this.thread.call<Record<string, unknown> | undefined>("get", sql, normalizeParams(params));
    return row ? fromThread<T>(row) : undefined;
  }
}
