import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Env } from "./config";
import { createLogger, type Logger } from "./observability/logger";
import { createMetrics } from "./observability/metrics";
import { openDatabase, migrate, type Database } from "./storage";
import { apiMiddleware, createApp, pageSecurityHeaders } from "./http/app";
import { errorHandler } from "./http/error-handler";
import { CheckpointRepository } from "./checkpoints/repository";
import { checkpointsRouter } from "./checkpoints/routes";
import { HANOI_GATEWAYS } from "./checkpoints/seed";
import { miniAppRouter } from "./hosting/mini-app";
import { loadAdminUnits, adminUnitsRouter } from "./admin-units";
import { createFieldCipher, createPrivacyFeature, type PrivacyFeature } from "./privacy";
import { createReceiptSigner, receiptKeysRouter } from "./receipts";
import { createHttpZaloGraph, requireZaloUser, withMeCache, ZALO_GRAPH_URL } from "./zalo";
import { createDeclarationsFeature, DECLARATIONS_PATH, createHttpDeclarationBackend, startDeclarationThread, startSealerThread, type DeadLetters, type OutboxWorker } from "./declarations";
import { DEV_ZALO_APP_SECRET, startDevPeers, type DevPeers } from "./standins";
import { AuditLog, createStaffModule } from "./staff";
import { createZaloModule, type ZaloModule } from "./zalo/oa";
import { WEBHOOK_PATH } from "./webhook";
import { expressChain, withDirectRoutes } from "./http/direct-routes";
import { createConfiguredChatBot, loadFaq } from "./bot";
import { createInboxFeature, type EventStreams } from "./inbox";
import { createPostgresConsoleEvents } from "./inbox/pg-events";
import { devChatRoutes } from "./simulator";
import { configureTrust, createHttpVaccinationRegistry, createVaccinationFeature } from "./vaccination";
import { operatorRoutes } from "./operations";

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  logger: Logger;
  /** Declarations the backend never took; staff tools call `retryDead`. */
  deadLetters: DeadLetters;
  /** The declaration outbox worker (tests that move the clock wake it, as a stored declaration does). */
  outbox: Pick<OutboxWorker, "wake">;
  /** The OA side: webhook ingest, conversations, outgoing queue (used by the simulator and inbox). */
  zalo: ZaloModule;
  /** The support inbox's open event streams (tests cut them to prove the console reconnects). */
  inbox: { streams: EventStreams };
  /** Consents, deletion requests and the retention job (`privacy.retention.run`). */
  privacy: PrivacyFeature;
  stop(): Promise<void>;
}

export interface StartOptions {
  env: Env;
  logger?: Logger;
  now?: () => Date;
}

const DEFAULT_MINI_APP_DIR = fileURLToPath(new URL("../../mini-app/www", import.meta.url));
// Same depth from src/server.ts and the bundled dist/main.js: bot-server/console/dist.
const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL("../console/dist", import.meta.url));

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
  const production = env.NODE_ENV === "production";
  // Generated development keys and the backend stand-in's file live beside the SQLite file.
  const dataDir = env.SQLITE_PATH === ":memory:" ? undefined : path.dirname(env.SQLITE_PATH);
  const keyOptions = {
    cipher: { keys: env.DATA_ENCRYPTION_KEY, allowDevKey: !production, devKeyFile: path.join(dataDir ?? "./data", "dev-data-key.json") },
    signer: { keys: env.RECEIPT_SIGNING_KEY, allowDevKey: !production, devKeyFile: path.join(dataDir ?? "./data", "dev-receipt-key.pem"), issuer: `Khaibao ${env.PUBLIC_BASE_URL ?? "(local)"}` },
  };
  const cipher = await createFieldCipher(keyOptions.cipher);
  const signer = await createReceiptSigner(keyOptions.signer);
  // Made after the two above, so development key files exist when the thread reads them. On a
  // SQLite file the thread stores the declarations too, on its own connection; PostgreSQL
  // stores them from here, on the pool.
  const sqliteFile = db.dialect === "sqlite" && env.SQLITE_PATH !== ":memory:" ? path.resolve(env.SQLITE_PATH) : undefined;
  const declarationThread = sqliteFile ? { writer: startDeclarationThread({ ...keyOptions, sqlitePath: sqliteFile }) } : { sealer: startSealerThread(keyOptions) };
  const declarationWork = declarationThread.writer ?? declarationThread.sealer;
  const peers: DevPeers = production ? { stop: async () => {} } : await startDevPeers(env, { dataDir, logger });
  const appSecret = env.ZALO_APP_SECRET ?? peers.zaloGraph?.appSecret ?? DEV_ZALO_APP_SECRET;
  const graph = withMeCache(
    createHttpZaloGraph({
      baseUrl: env.ZALO_GRAPH_URL ?? peers.zaloGraph?.url ?? ZALO_GRAPH_URL,
      appSecret,
      onMisconfigured: (zaloCode) => logger.error({ zaloCode }, "Zalo refused our app secret: check ZALO_APP_SECRET"),
    }),
  );
  let trust;
  try {
    trust = configureTrust(env, { production, devSigner: peers.vaccinationRegistry?.trust, logger, now });
  } catch (error) {
    await peers.stop();
    throw error;
  }
  const registryUrl = env.VACCINATION_REGISTRY_URL ?? peers.vaccinationRegistry?.url;
  if (!registryUrl) throw new Error("VACCINATION_REGISTRY_URL is required"); // loadConfig requires it in production
  const vaccination = createVaccinationFeature({
    registry: createHttpVaccinationRegistry({ baseUrl: registryUrl, token: env.VACCINATION_REGISTRY_TOKEN ?? peers.vaccinationRegistry?.token }),
    trust: trust.store,
    updater: trust.updater,
    graph,
    logger,
    now,
  });
  const backendUrl = env.DECLARATION_BACKEND_URL ?? peers.declarationBackend?.url;
  if (!backendUrl) throw new Error("DECLARATION_BACKEND_URL is required"); // loadConfig requires it in production
  const privacy = createPrivacyFeature({
    db,
    auth: requireZaloUser(graph),
    audit: new AuditLog(db),
    retentionDays: env.RETENTION_DAYS,
    intervalMinutes: env.RETENTION_INTERVAL_MINUTES,
    now,
    logger,
  });
  const declarations = createDeclarationsFeature({
    db,
    checkpoints,
    wards: adminUnits,
    graph,
    cipher,
    signer,
    ...declarationThread,
    consents: privacy.consents,
    backend: createHttpDeclarationBackend({
      baseUrl: backendUrl,
      token: env.DECLARATION_BACKEND_TOKEN ?? peers.declarationBackend?.token,
      timeoutMs: env.DECLARATION_BACKEND_TIMEOUT_MS,
    }),
    registry: metrics.registry,
    logger,
    receiptValidityHours: env.RECEIPT_VALIDITY_HOURS,
    outbox: {
      owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
      concurrency: env.OUTBOX_CONCURRENCY,
      pollMs: env.OUTBOX_POLL_MS,
      leaseMs: env.OUTBOX_LEASE_MS,
      retry: { baseMs: env.OUTBOX_RETRY_BASE_MS, maxMs: env.OUTBOX_RETRY_MAX_MS },
    },
    now,
  });
  // The support inbox: its pipeline hooks go into the Zalo module, its routes into the staff API.
  // On PostgreSQL several instances serve consoles: their events travel with LISTEN/NOTIFY.
  const consoleEvents = db.dialect === "postgres" && env.DATABASE_URL ? createPostgresConsoleEvents({ url: env.DATABASE_URL, db, logger }) : undefined;
  const inbox = createInboxFeature({ db, cipher, faq: loadFaq(env.BOT_FAQ_FILE), logger, now, ...(consoleEvents ? { events: consoleEvents } : {}) });
  const bot = createConfiguredChatBot({ env, db, now, deskHours: inbox.deskHours });
  const zalo = await createZaloModule({
    db,
    env,
    logger,
    registry: metrics.registry,
    now,
    bot,
    middleware: [inbox.middleware],
    onEventCommitted: inbox.onEventCommitted,
    onOutboundSettled: inbox.onOutboundSettled,
  });
  const inboxRoutes = inbox.routes({
    conversations: zalo.conversations,
    outbound: zalo.outbound,
    send: zalo.send,
    wakeSender: () => zalo.outboundWorker.wake(),
    profile: (userId) => zalo.api.getUserProfile(userId),
  });
  const staff = createStaffModule({
    db,
    logger,
    deadLetters: declarations.deadLetters,
    retention: privacy.overview,
    routes: [...operatorRoutes({ db, cipher, wards: adminUnits, places, miniAppId: env.ZALO_MINI_APP_ID, publicBaseUrl: env.PUBLIC_BASE_URL, now }), ...inboxRoutes.routers],
    production,
    consoleDir: env.CONSOLE_DIR ?? DEFAULT_CONSOLE_DIR,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    session: { idleMinutes: env.STAFF_SESSION_IDLE_MINUTES, maxHours: env.STAFF_SESSION_MAX_HOURS },
    bootstrapAdmin: env.STAFF_BOOTSTRAP_ADMIN,
    now,
  });
  await staff.start();
  // A worker instance answers only health and metrics; a web instance starts no background work.
  const serveHttp = env.INSTANCE_ROLE !== "worker";
  const runWorkers = env.INSTANCE_ROLE !== "web";
  const corsOrigins = env.CORS_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean);
  const app = createApp({
    logger,
    metrics,
    ping: () => db.ping(),
    trustProxy: env.TRUST_PROXY,
    corsOrigins,
    api: !serveHttp ? [] : [
      ...declarations.api,
      ["/api/checkpoints", checkpointsRouter({ repo: checkpoints, places, now })],
      ["/api/admin-units", adminUnitsRouter(adminUnits)],
      ...vaccination.api,
      ...privacy.api,
      ...staff.api,
    ],
    // Raw body on this route only: the signature is over the exact bytes Zalo sent. Most
    // deliveries are answered before Express (the listener below); this takes the rest.
    machine: !serveHttp ? [] : [[WEBHOOK_PATH, zalo.webhookHandlers]],
    other: !serveHttp ? [] : [
      ["/app", miniAppRouter(env.MINI_APP_DIR ?? DEFAULT_MINI_APP_DIR)],
      ["/", receiptKeysRouter(signer)],
      ...staff.other,
      // Development and tests only: play a citizen in the browser (none in production).
      ...devChatRoutes({ env, zalo, handBackToBot: bot.handBackToBot }),
    ],
  });

  let server: Server;
  try {
    server = await new Promise((resolve, reject) => {
      // Zalo's webhook and the mini app's submission, the busiest routes, skip Express's router.
      const direct = !serveHttp ? [] : [
        zalo.webhookDirect,
        expressChain(app, { method: "POST", path: DECLARATIONS_PATH, handlers: [pageSecurityHeaders(), ...apiMiddleware(corsOrigins), ...declarations.submitHandlers], onError: errorHandler(logger) }),
      ];
      const s = createServer(slowClientLimits(env), withDirectRoutes(app, direct, { logger, metrics: metrics.http }));
      s.once("error", reject);
      s.listen(env.PORT, env.HOST, () => resolve(s));
    });
  } catch (error) {
    staff.stop();
    await declarationWork.close();
    await zalo.stop();
    await peers.stop();
    await consoleEvents?.close();
    await db.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  const url = `http://${host}:${port}`;
  if (runWorkers) declarations.worker.start();
  // Web instances serve the trust list, so they keep it fresh.
  if (serveHttp) vaccination.start();
  if (runWorkers) privacy.start();
  zalo.start({ webhookUrl: `${url}/webhooks/zalo`, workers: runWorkers });
  logger.info({ url, database: db.dialect, role: env.INSTANCE_ROLE }, "bot server listening");

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    db,
    logger,
    deadLetters: declarations.deadLetters,
    outbox: { wake: () => declarations.worker.wake() },
    zalo,
    privacy,
    inbox: { streams: inboxRoutes.streams },
    stop() {
      stopping ??= (async () => {
        // Event streams never go idle: end them, or closing the server would wait for them.
        inboxRoutes.streams.dropAll();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        // Sends in flight finish (bounded by the backend timeout) before their peers and storage go.
        await declarations.worker.stop();
        await declarationWork.close();
        vaccination.stop();
        await privacy.stop();
        await zalo.stop();
        staff.stop();
        await peers.stop();
        await consoleEvents?.close();
        await db.close();
      })();
      return stopping;
    },
  };
}

/**
 * Node's own defaults let a client take 60 s to send its headers and 300 s for the whole request,
 * so a few hundred slow connections (slowloris) hold the server. These limits end such requests
 * with 408 and close the connection. `requestTimeout` stops counting once the request is received:
 * answers, long downloads and the console's event stream are not cut by it.
 */
export function slowClientLimits(env: Pick<Env, "HTTP_HEADERS_TIMEOUT_MS" | "HTTP_REQUEST_TIMEOUT_MS" | "HTTP_KEEP_ALIVE_TIMEOUT_MS">) {
  return {
    headersTimeout: env.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeout: env.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    // Node looks for expired requests every 30 s by default: a 20 s limit could then take 50 s.
    connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(env.HTTP_HEADERS_TIMEOUT_MS / 4))),
  };
}

export async function stopServer(running: RunningServer): Promise<void> {
  await running.stop();
}
