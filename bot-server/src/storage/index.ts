// Storage entry point: open the database chosen by configuration, run migrations, query.
//
//   const db = await openDatabase({ url: env.DATABASE_URL, logger });
//   await migrate(db, { logger });
//   const row = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM checkpoints WHERE province_code = $1", ["01"]);

import { openPostgres } from "./postgres";
import { DEFAULT_SQLITE_PATH, openSqlite } from "./sqlite";
import type { Database, OpenDatabaseOptions } from "./types";

export type { Database, Dialect, OpenDatabaseOptions, Queryable, SqlValue, Statement, StorageLogger } from "./types";
export { isUniqueViolation, UniqueConflict } from "./errors";
export { migrate, type MigrateOptions } from "./migrate";
export { DEFAULT_SQLITE_PATH } from "./sqlite";

/** PostgreSQL when `url` is a postgres:// URL, otherwise SQLite at `sqlitePath`. Rejects if unreachable. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const { url } = options;
  if (url !== undefined && url !== "") {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      // Refuse rather than silently fall back to SQLite and lose data into a local file.
      throw new Error("storage: DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for SQLite)");
    }
    return openPostgres(url, { poolMax: options.poolMax, schema: options.pgSchema, logger: options.logger });
  }
  return openSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH, options.logger);
}
