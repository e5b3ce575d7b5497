// Test helper: the databases every storage-backed test runs against.
//
//   describe.each(openTestDatabases({ migrate: true }))("$name", ({ open }) => { ... })
//
// SQLite always (a temp file, so WAL and the file code path are exercised). PostgreSQL when
// TEST_DATABASE_URL is set: each open() gets a fresh schema, dropped on close(), so test files
// running in parallel never see each other's tables. An unreachable TEST_DATABASE_URL fails the
// tests; it is never skipped. Without the variable: an error in CI, a warning elsewhere.

import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate, openDatabase } from "./index";
import type { Database, SqlValue } from "./types";

export interface TestDatabase {
  name: "sqlite" | "postgres";
  open: () => Promise<Database>;
}

let warned = false;

export function openTestDatabases(options: { migrate?: boolean } = {}): TestDatabase[] {
  const prepared = async (db: Database): Promise<Database> => {
    if (options.migrate) await migrate(db);
    return db;
  };
  const list: TestDatabase[] = [{ name: "sqlite", open: async () => prepared(await openSqliteTemp()) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    list.push({ name: "postgres", open: async () => prepared(await openPostgresSchema(url)) });
  } else if (isCi()) {
    list.push({
      name: "postgres",
      open: () => Promise.reject(new Error("TEST_DATABASE_URL is required in CI: the storage tests must also run against PostgreSQL")),
    });
  } else if (!warned) {
    warned = true;
    console.warn(
      "\n*** TEST_DATABASE_URL is not set: storage tests run on SQLite ONLY. PostgreSQL is untested. ***\n" +
        "*** e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run          ***\n",
    );
  }
  return list;
}

function isCi(): boolean {
  const ci = process.env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

async function openSqliteTemp(): Promise<Database> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "khaibao-storage-"));
  try {
    const db = await openDatabase({ sqlitePath: path.join(dir, "test.sqlite") });
    return withCleanup(db, () => rm(dir, { recursive: true, force: true }));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function openPostgresSchema(url: string): Promise<Database> {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  await admin(url, `CREATE SCHEMA ${schema}`);
  try {
    const db = await openDatabase({ url, pgSchema: schema, poolMax: 4 });
    return withCleanup(db, () => admin(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  } catch (error) {
    await admin(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    throw error;
  }
}

/** One statement on a short-lived connection outside the schema under test. */
async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query(sql);
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL: ${(error as Error).message} (while running: ${sql})`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The same database, whose close() also removes what the test helper created. */
function withCleanup(db: Database, cleanup: () => Promise<void>): Database {
  let closing: Promise<void> | undefined;
  return {
    dialect: db.dialect,
    all: <T>(sql: string, params?: readonly SqlValue[]) => db.all<T>(sql, params),
    get: <T>(sql: string, params?: readonly SqlValue[]) => db.get<T>(sql, params),
    run: (sql, params) => db.run(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    batch: (statements) => db.batch(statements),
    ping: () => db.ping(),
    close: () => (closing ??= db.close().finally(cleanup)),
  };
}
