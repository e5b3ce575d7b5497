// PostgreSQL through a pg.Pool. Statements outside a transaction go to any pooled connection; a
// transaction checks out one client for BEGIN..COMMIT. Transactions run at READ COMMITTED (the
// server default): a read-modify-write must lock first (UPDATE ... or an atomic
// UPDATE ... SET n = n + 1 RETURNING n), since SELECT ... FOR UPDATE is not valid SQLite.

import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { fromInt64 } from "./integers";
import { normalizeParams } from "./placeholders";
import { activeScope, runOneByOne, Scope, type Connection } from "./scope";
import type { Database, Queryable, SqlValue, Statement, StorageLogger } from "./types";

const INT8_OID = 20;
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Per-pool parsers (not pg.types globally, which would change other pg users in the process). */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary"
      ? (value: string) => fromInt64(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

export interface PostgresOptions {
  poolMax?: number | undefined;
  schema?: string | undefined;
  logger?: StorageLogger | undefined;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`storage: invalid PostgreSQL schema name ${JSON.stringify(options.schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax ?? 10,
    // Fail fast (and loudly) when the server is unreachable instead of hanging startup or tests.
    connectionTimeoutMillis: 10_000,
    application_name: "khaibao",
    types,
    // Set at connection start, so every pooled connection (and transaction client) sees it.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection emits here; unhandled it would crash the process.
  pool.on("error", (error) => options.logger?.warn({ err: error }, "PostgreSQL idle client error"));
  const db = new PostgresDatabase(pool);
  try {
    await db.ping();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`storage: cannot connect to PostgreSQL: ${(error as Error).message}`, { cause: error });
  }
  options.logger?.info({ schema: options.schema }, "PostgreSQL database opened");
  return db;
}

function connectionOf(client: pg.Pool | pg.PoolClient): Connection {
  return {
    all: async <T>(sql: string, params?: readonly SqlValue[]) => (await client.query(sql, normalizeParams(params))).rows as T[],
    get: async <T>(sql: string, params?: readonly SqlValue[]) => (await client.query(sql, normalizeParams(params))).rows[0] as T | undefined,
    run: async (sql, params) => ({ changes: (await client.query(sql, normalizeParams(params))).rowCount ?? 0 }),
    // No parameters: pg uses the simple query protocol, which accepts several statements.
    exec: async (sql) => void (await client.query(sql)),
  };
}

class PostgresDatabase implements Database {
  readonly dialect = "postgres" as const;
  private readonly current = new AsyncLocalStorage<Scope>();
  private readonly conn: Connection;
  private ended = false;

  constructor(private readonly pool: pg.Pool) {
    this.conn = connectionOf(pool);
  }

  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return (activeScope(this.current) ?? this.conn).all<T>(sql, params);
  }

  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return (activeScope(this.current) ?? this.conn).get<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return (activeScope(this.current) ?? this.conn).run(sql, params);
  }

  exec(sql: string): Promise<void> {
    return (activeScope(this.current) ?? this.conn).exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const scope = activeScope(this.current);
    if (scope) return scope.transaction(fn);
    const client = await this.pool.connect();
    const conn = connectionOf(client);
    let broken: Error | undefined;
    // A checked-out client whose connection drops between two statements (PostgreSQL restarted,
    // a proxy cut it) emits "error" with nobody listening, which would crash the process. Keep
    // it: the next statement fails, the transaction rejects and the client is destroyed.
    const onLost = (error: Error) => {
      broken = error;
    };
    client.on("error", onLost);
    try {
      await conn.exec("BEGIN");
      const result = await new Scope("postgres", conn, this.current).runBody(fn);
      await conn.exec("COMMIT");
      return result;
    } catch (error) {
      try {
        // Also after a failed COMMIT: harmless there (a warning), and required after a failed BEGIN/body.
        await conn.exec("ROLLBACK");
      } catch (rollbackError) {
        // The connection is unusable; destroy it rather than hand it to the next caller.
        broken = rollbackError as Error;
      }
      throw error;
    } finally {
      client.off("error", onLost);
      client.release(broken);
    }
  }

  batch(statements: readonly Statement[]): Promise<Array<Record<string, unknown>[]>> {
    return this.transaction((tx) => runOneByOne(tx, statements));
  }

  async ping(): Promise<void> {
    await this.conn.get("SELECT 1 AS ok");
  }

  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.pool.end();
  }
}
