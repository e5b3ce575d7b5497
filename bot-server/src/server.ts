import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import type { Env } from "./config";
import { createLogger, type Logger } from "./observability/logger";
import { createMetrics } from "./observability/metrics";
import { openDatabase, migrate, type Database } from "./storage";
import { createApp } from "./http/app";
import { CheckpointRepository } from "./checkpoints/repository";
import { checkpointsRouter } from "./checkpoints/routes";
import { HANOI_GATEWAYS } from "./checkpoints/seed";
import { miniAppRouter } from "./hosting/mini-app";
import { loadAdminUnits, adminUnitsRouter } from "./admin-units";

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  logger: Logger;
  stop(): Promise<void>;
}

export interface StartOptions {
  env: Env;
  logger?: Logger;
  now?: () => Date;
}

const DEFAULT_MINI_APP_DIR = fileURLToPath(new URL("../../mini-app/www", import.meta.url));

/**
 * The composition root's body: opens storage, wires features to their dependencies and
 * listens. Used by main.ts and, in-process on an ephemeral port, by tests.
 */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const { env } = opts;
  const now = opts.now ?? (() => new Date());
  const logger = opts.logger ?? createLogger({ level: env.LOG_LEVEL });
  const db = await openDatabase({ ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}), sqlitePath: env.SQLITE_PATH, poolMax: env.DATABASE_POOL_MAX, logger });
  const { applied } = await migrate(db);
  if (applied.length > 0) logger.info({ applied }, "database migrated");

  const checkpoints = new CheckpointRepository(db);
  const seed = env.SEED_CHECKPOINTS ? env.SEED_CHECKPOINTS === "true" : env.NODE_ENV !== "production";
  if (seed && (await checkpoints.count()) === 0) {
    for (const c of HANOI_GATEWAYS) await checkpoints.upsert(c, now());
    logger.info({ count: HANOI_GATEWAYS.length }, "seeded demo checkpoints");
  }

  // Index the 3,321 wards now rather than on the first citizen's request.
  const adminUnits = loadAdminUnits();
  const unitStats = adminUnits.warm();
  if (unitStats.problems.length > 0) logger.warn({ problems: unitStats.problems.length }, "administrative units data has problems");
  const places = {
    provinceName: (code: string) => adminUnits.province(code)?.name,
    wardName: (code: string) => adminUnits.ward(code)?.name,
  };
  const metrics = createMetrics();
  const app = createApp({
    logger,
    metrics,
    ping: () => db.ping(),
    trustProxy: env.TRUST_PROXY,
    corsOrigins: env.CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean),
    api: [
      ["/api/checkpoints", checkpointsRouter({ repo: checkpoints, places, now })],
      ["/api/admin-units", adminUnitsRouter(adminUnits)],
    ],
    other: [["/app", miniAppRouter(env.MINI_APP_DIR ?? DEFAULT_MINI_APP_DIR)]],
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(env.PORT, env.HOST, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const port = (server.address() as AddressInfo).port;
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  const url = `http://${host}:${port}`;
  logger.info({ url, database: db.dialect }, "bot server listening");

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    db,
    logger,
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await db.close();
      })();
      return stopping;
    },
  };
}

export async function stopServer(running: RunningServer): Promise<void> {
  await running.stop();
}
