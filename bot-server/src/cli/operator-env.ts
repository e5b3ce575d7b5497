import path from "node:path";
import { z } from "zod";
import { openDatabase, migrate, type Database } from "../storage";
import { DEV_ZALO_MINI_APP_ID } from "../standins/zalo-oa/dev";

/**
 * The settings the operators' CLIs (`npm run poster`, `npm run export`) read, named and
 * defaulted as the server reads them, so a CLI run sees the same database, keys and links.
 */
const cliEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  SQLITE_PATH: z.string().default("./data/khaibao.sqlite"),
  DATA_ENCRYPTION_KEY: z.string().optional(),
  ZALO_MINI_APP_ID: z.string().regex(/^\d+$/).optional(),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
});
export type CliEnv = z.infer<typeof cliEnvSchema> & { production: boolean };

export class UsageError extends Error {}

export function cliEnv(raw: Record<string, string | undefined>): CliEnv {
  const parsed = cliEnvSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== "")));
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  return { ...parsed.data, production: parsed.data.NODE_ENV === "production" };
}

/** `ZALO_MINI_APP_ID`, required in production (a poster with the stand-in's id would lead nowhere). */
export function miniAppIdOf(env: CliEnv): string {
  if (env.ZALO_MINI_APP_ID) return env.ZALO_MINI_APP_ID;
  if (env.production) throw new UsageError("ZALO_MINI_APP_ID is required in production");
  return DEV_ZALO_MINI_APP_ID;
}

/** `PUBLIC_BASE_URL`, required in production; the local server's address otherwise. */
export function publicBaseUrlOf(env: CliEnv): string {
  if (env.PUBLIC_BASE_URL) return env.PUBLIC_BASE_URL;
  if (env.production) throw new UsageError("PUBLIC_BASE_URL is required in production");
  return `http://localhost:${env.PORT || 3000}`;
}

/** The generated development data key lives beside the SQLite file, as the server keeps it. */
export function devKeyFileOf(env: CliEnv): string {
  return path.join(env.SQLITE_PATH === ":memory:" ? "./data" : path.dirname(env.SQLITE_PATH), "dev-data-key.json");
}

export async function withDatabase<T>(env: CliEnv, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}), sqlitePath: env.SQLITE_PATH, poolMax: 2 });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}
