// The SQLite connection's own thread.
//
// better-sqlite3 is synchronous: on the event loop every statement, COMMIT and WAL write would
// stall HTTP for its duration, and a busy file lock (another process writing) would stall it for
// up to busy_timeout. Here the connection lives in a worker thread and the event loop only posts
// a message per statement; batched writes (a group commit of declarations, of webhooks) cost the
// event loop one message each. Rows and parameters cross the thread boundary by structured
// clone: Buffers arrive as Uint8Array and are turned back into Buffers on each side.
//
// The script is plain CommonJS evaluated as the worker's source, so it runs the same from the
// TypeScript sources (tests) and from the bundle (production); the main thread resolves the
// driver's path so both use the same better-sqlite3.

import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

export interface ThreadSettings {
  file: string;
  busyTimeoutMs: number;
  statementCacheSize: number;
  /** Pages the WAL may reach before this connection checkpoints by itself. */
  walAutocheckpoint: number | undefined;
}

/** An error raised in the thread, rebuilt with its SQLite `code` (isUniqueViolation reads it). */
export class SqliteThreadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "SqliteError";
  }
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { message: string; code?: string } };

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const s = workerData.settings;
let db;
const statements = new Map();
function prepare(sql) {
  let statement = statements.get(sql);
  if (statement) statements.delete(sql);
  else {
    statement = db.prepare(sql);
    if (statements.size >= s.statementCacheSize) statements.delete(statements.keys().next().value);
  }
  statements.set(sql, statement);
  return statement;
}
function bind(params) {
  const bound = {};
  if (params) for (let i = 0; i < params.length; i++) {
    const v = params[i];
    bound[i + 1] = v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v;
  }
  return bound;
}
function open() {
  db = new Database(s.file, { timeout: s.busyTimeoutMs });
  const inMemory = s.file === ":memory:" || s.file === "";
  const journalMode = db.pragma("journal_mode = WAL", { simple: true });
  db.pragma("busy_timeout = " + s.busyTimeoutMs);
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  if (!inMemory && s.walAutocheckpoint !== undefined) db.pragma("wal_autocheckpoint = " + s.walAutocheckpoint);
  db.defaultSafeIntegers(true);
  return { journalMode };
}
function handle(m) {
  switch (m.op) {
    case "open": return open();
    case "all": {
      const st = prepare(m.sql);
      if (!st.reader) { st.run(bind(m.params)); return []; }
      return st.all(bind(m.params));
    }
    case "get": {
      const st = prepare(m.sql);
      if (!st.reader) { st.run(bind(m.params)); return undefined; }
      return st.get(bind(m.params));
    }
    case "run": return { changes: Number(prepare(m.sql).run(bind(m.params)).changes) };
    case "exec": db.exec(m.sql); return undefined;
    case "batch": {
      db.exec("BEGIN IMMEDIATE");
      try {
        const results = m.params.map((s) => {
          const st = prepare(s.sql);
          if (!st.reader) { st.run(bind(s.params)); return []; }
          return st.all(bind(s.params));
        });
        db.exec("COMMIT");
        return results;
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      }
    }
    // Some errors (SQLITE_FULL, IOERR...) already rolled back; ROLLBACK would then throw and hide them.
    case "rollback": if (db.inTransaction) db.exec("ROLLBACK"); return undefined;
    case "pragma": return db.pragma(m.sql, { simple: true });
    case "close": statements.clear(); if (db) db.close(); return undefined;
    default: throw new Error("unknown operation " + m.op);
  }
}
parentPort.on("message", (m) => {
  let reply;
  try {
    reply = { id: m.id, ok: true, result: handle(m) };
  } catch (error) {
    reply = { id: m.id, ok: false, error: { message: String((error && error.message) || error), code: error && error.code } };
  }
  parentPort.postMessage(reply);
  if (m.op === "close") parentPort.close();
});
`;

/** One SQLite connection in its own thread; `call` runs one operation there, in order. */
export class SqliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private next = 0;
  private dead: Error | undefined;
  private closing = false;
  readonly exited: Promise<void>;

  constructor(settings: ThreadSettings) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, settings } });
    // Only the pending calls keep the process alive (see call), never an idle connection.
    this.worker.unref();
    this.worker.on("message", (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0 && !this.closing) this.worker.unref();
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new SqliteThreadError(reply.error.message, reply.error.code));
    });
    const fail = (error: Error) => {
      this.dead ??= error;
      for (const waiter of this.pending.values()) waiter.reject(this.dead);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.exited = new Promise((resolve) =>
      this.worker.once("exit", () => {
        fail(new Error("storage: the SQLite connection is closed"));
        resolve();
      }),
    );
  }

  call<T>(op: "open" | "all" | "get" | "run" | "exec" | "batch" | "rollback" | "pragma" | "close", sql?: string, params?: readonly unknown[]): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, sql, params });
    });
  }

  /** Closes the connection and waits for the thread to end (holding the process open meanwhile). */
  async close(): Promise<void> {
    if (!this.dead) {
      this.closing = true;
      this.worker.ref();
      await this.call("close").catch(() => undefined);
    }
    await this.exited;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}
