// Applies pending migrations, each in its own transaction together with its schema_migrations row,
// so a failed migration leaves nothing behind and is retried on the next start.
//
// Concurrency: two instances may start at once. On PostgreSQL every migration transaction first
// takes a transaction-scoped advisory lock, then re-checks schema_migrations, so exactly one
// instance applies each migration and the other waits and skips it. On SQLite, BEGIN IMMEDIATE
// already serialises writers across processes.

import { migrations as registry, type Migration } from "./migrations";
import type { Database, Queryable, StorageLogger } from "./types";

/** First key of pg_advisory_xact_lock(int, int): "kb" (khaibao); the second key is the schema. */
const LOCK_CLASS = 0x6b62;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id         TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
)`;

export interface MigrateOptions {
  /** Defaults to the registry in ./migrations; tests pass their own. */
  migrations?: readonly Migration[];
  logger?: StorageLogger;
}

export async function migrate(db: Database, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const list = options.migrations ?? registry;
  checkRegistry(list);

  const done = await db.transaction(async (tx) => {
    await prepare(tx);
    const rows = await tx.all<{ id: string }>("SELECT id FROM schema_migrations");
    return new Set(rows.map((row) => row.id));
  });
  const unknown = [...done].filter((id) => !list.some((m) => m.id === id));
  if (unknown.length > 0) {
    // An older build started against a newer database (e.g. a rollback): keep running, but say so.
    options.logger?.warn({ unknown }, "database has migrations this build does not know");
  }

  const applied: string[] = [];
  for (const migration of list) {
    if (done.has(migration.id)) continue;
    const didApply = await db.transaction(async (tx) => {
      await prepare(tx);
      // Re-check under the lock: another instance may have applied it since the read above.
      if (await tx.get("SELECT id FROM schema_migrations WHERE id = $1", [migration.id])) return false;
      await apply(tx, migration);
      await tx.run("INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)", [migration.id, new Date().toISOString()]);
      return true;
    }).catch((error: unknown) => {
      throw new Error(`storage: migration ${migration.id} failed: ${(error as Error).message}`, { cause: error });
    });
    if (didApply) {
      applied.push(migration.id);
      options.logger?.info({ migration: migration.id }, "migration applied");
    }
  }
  return { applied };
}

/** Locks (PostgreSQL) and makes sure the bookkeeping table exists, inside the caller's transaction. */
async function prepare(tx: Queryable): Promise<void> {
  if (tx.dialect === "postgres") {
    // Keyed by schema so test schemas in one database don't wait for each other. Concurrent
    // CREATE TABLE IF NOT EXISTS can itself fail on PostgreSQL, hence the lock comes first.
    await tx.exec(`SELECT pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(current_schema()))`);
  }
  await tx.exec(CREATE_TABLE);
}

async function apply(tx: Queryable, migration: Migration): Promise<void> {
  const { up } = migration;
  if (typeof up === "function") return up(tx);
  await tx.exec(typeof up === "string" ? up : up[tx.dialect]);
}

function checkRegistry(list: readonly Migration[]): void {
  const seen = new Set<string>();
  let previous = "";
  for (const { id } of list) {
    if (!/^\d{3}_[a-z0-9_]+$/.test(id)) throw new Error(`storage: migration id ${id} must look like 001_name`);
    if (seen.has(id)) throw new Error(`storage: duplicate migration id ${id}`);
    if (id <= previous) throw new Error(`storage: migration ${id} is out of order after ${previous}`);
    seen.add(id);
    previous = id;
  }
}
