// An open transaction (or savepoint) on one connection, shared by both dialects.
//
// The Database keeps the innermost open scope in an AsyncLocalStorage, so a call made on the
// Database from inside a transaction callback joins that transaction instead of waiting for it
// (SQLite: the mutex would deadlock) or running on another pooled connection (PostgreSQL: it
// would not see the uncommitted rows and could block on their locks).

import type { AsyncLocalStorage } from "node:async_hooks";
import { Mutex } from "./mutex";
import type { Dialect, Queryable, SqlValue, Statement } from "./types";

/** Statements on one connection, without any locking: the scope's caller holds the connection. */
export interface Connection {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  exec(sql: string): Promise<void>;
}

export class Scope implements Queryable {
  /** Set when the transaction or savepoint ended; a leaked handle then fails instead of writing outside it. */
  done = false;
  /** Sibling savepoints run one at a time, so their SAVEPOINT/RELEASE pairs never cross. */
  private readonly savepoints = new Mutex();

  constructor(
    readonly dialect: Dialect,
    private readonly conn: Connection,
    private readonly current: AsyncLocalStorage<Scope>,
    readonly parent?: Scope,
  ) {}

  private get depth(): number {
    return this.parent ? this.parent.depth + 1 : 0;
  }

  async all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    this.assertOpen();
    return this.conn.all<T>(sql, params);
  }

  async get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    this.assertOpen();
    return this.conn.get<T>(sql, params);
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    this.assertOpen();
    return this.conn.run(sql, params);
  }

  async exec(sql: string): Promise<void> {
    this.assertOpen();
    return this.conn.exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    this.assertOpen();
    // Called on an outer handle from inside one of its own savepoints: nest under the innermost
    // one; queueing behind the running sibling would wait for ourselves forever.
    const inner = activeScope(this.current);
    if (inner && inner !== this && inner.isWithin(this)) return inner.transaction(fn);
    return this.savepoints.run(async () => {
      // Names only need to be unique along the open chain, and siblings are serialised above.
      const name = `khaibao_sp_${this.depth + 1}`;
      await this.conn.exec(`SAVEPOINT ${name}`);
      const child = new Scope(this.dialect, this.conn, this.current, this);
      try {
        const result = await this.current.run(child, () => fn(child));
        await this.conn.exec(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        try {
          await this.conn.exec(`ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`);
        } catch {
          // The connection or whole transaction is already gone; the outer COMMIT/ROLLBACK
          // reports that, and the caller's own error is the one worth seeing here.
        }
        throw error;
      } finally {
        child.done = true;
      }
    });
  }

  batch(statements: readonly Statement[]): Promise<Array<Record<string, unknown>[]>> {
    return this.transaction((tx) => runOneByOne(tx, statements));
  }

  /** Runs fn as the body of this (outermost) scope; the caller issues BEGIN/COMMIT around it. */
  runBody<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.current.run(this, () => fn(this)).finally(() => {
      this.done = true;
    });
  }

  private isWithin(ancestor: Scope): boolean {
    for (let s = this.parent; s; s = s.parent) if (s === ancestor) return true;
    return false;
  }

  private assertOpen(): void {
    if (this.done) throw new Error("storage: transaction already finished; use the Database, not a kept transaction handle");
  }
}

/** The innermost open scope for this database, if the caller runs inside one of its transactions. */
export function activeScope(current: AsyncLocalStorage<Scope>): Scope | undefined {
  let scope = current.getStore();
  // A callback may outlive a savepoint while its transaction is still open: use the nearest open one.
  while (scope?.done) scope = scope.parent;
  return scope;
}

/** `batch` for a connection without a faster way: each statement in turn, inside the caller's transaction. */
export async function runOneByOne(tx: Queryable, statements: readonly Statement[]): Promise<Array<Record<string, unknown>[]>> {
  const results: Array<Record<string, unknown>[]> = [];
  for (const s of statements) results.push(await tx.all(s.sql, s.params));
  return results;
}
