// Helpers for the Zalo OA tests: a strict OA stand-in, the module wired to it on a test database,
// the real Express app around the webhook, and deliveries signed exactly as Zalo signs them.
import type { Express } from "express";
import request from "supertest";
import { SAMPLE_ZALO_IDS, sampleZaloEvent, type SampleOptions, type ZaloEventName } from "@khaibao/shared";
import { createApp } from "../../http/app";
import { createLogger } from "../../observability/logger";
import { createMetrics } from "../../observability/metrics";
import { startZaloOaStandin, type ZaloOaStandin } from "../../standins/zalo-oa";
import type { Database } from "../../storage";
import { zaloSignatureHeader } from "../../webhook/signature";
import type { Bot } from "../../conversations";
import { createZaloModule, type ZaloModule, type ZaloModuleDeps, type ZaloTuning } from "./module";
import type { OutboundProblemReport } from "./outbox/worker";

export const TEST_IDENTITY = {
  appId: SAMPLE_ZALO_IDS.appId,
  appSecret: "test-app-secret",
  oaId: SAMPLE_ZALO_IDS.oaId,
  oaSecretKey: "test-oa-secret-key",
  miniAppId: "1234567890123456789",
  refreshToken: "test-initial-refresh-token",
} as const;

/** A clock tests move by hand; starts near the sample events' timestamp. */
export function manualClock(start = Date.parse("2025-11-28T08:00:05.000Z")) {
  const clock = {
    t: start,
    now: () => new Date(clock.t),
    advance(ms: number) {
      clock.t += ms;
    },
  };
  return clock;
}

/** A delivery as Zalo makes it: the body text, and the signature over exactly that text. */
export function signed(body: string | Record<string, unknown>, opts: { appId?: string; oaSecretKey?: string; timestamp?: string } = {}) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  let timestamp = opts.timestamp;
  if (timestamp === undefined) {
    try {
      timestamp = String((JSON.parse(raw) as { timestamp?: unknown }).timestamp ?? "");
    } catch {
      timestamp = "";
    }
  }
  return { raw, signature: zaloSignatureHeader({ appId: opts.appId ?? TEST_IDENTITY.appId, rawBody: raw, timestamp, oaSecretKey: opts.oaSecretKey ?? TEST_IDENTITY.oaSecretKey }) };
}

export function event(name: ZaloEventName, opts: SampleOptions = {}): Record<string, unknown> {
  return sampleZaloEvent(name, { ...opts, ids: { appId: TEST_IDENTITY.appId, oaId: TEST_IDENTITY.oaId, ...opts.ids } });
}

export interface ZaloHarness {
  module: ZaloModule;
  standin: ZaloOaStandin;
  app: Express;
  registry: ReturnType<typeof createMetrics>["registry"];
  /** POSTs a body (signed unless a signature is given) to /webhooks/zalo. */
  post(body: string | Record<string, unknown>, headers?: Record<string, string>): Promise<request.Response>;
  /** Runs both workers until nothing is due. */
  drain(): Promise<void>;
  control(body: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export async function startZaloHarness(opts: {
  db: Database;
  now?: () => Date;
  bot?: Bot;
  tuning?: Partial<ZaloTuning>;
  owner?: string;
  standin?: ZaloOaStandin;
  onOutboundProblem?: (problem: OutboundProblemReport) => void;
  /** Other features' hooks (the support inbox). */
  hooks?: Pick<ZaloModuleDeps, "middleware" | "onEventCommitted" | "onOutboundSettled">;
}): Promise<ZaloHarness> {
  const standin =
    opts.standin ??
    (await startZaloOaStandin({
      appId: TEST_IDENTITY.appId,
      appSecret: TEST_IDENTITY.appSecret,
      oaId: TEST_IDENTITY.oaId,
      oaSecretKey: TEST_IDENTITY.oaSecretKey,
      initialRefreshToken: TEST_IDENTITY.refreshToken,
    }));
  const logger = createLogger({ level: "silent" });
  const metrics = createMetrics();
  const module = await createZaloModule({
    db: opts.db,
    env: {
      NODE_ENV: "test",
      ZALO_APP_ID: TEST_IDENTITY.appId,
      ZALO_APP_SECRET: TEST_IDENTITY.appSecret,
      ZALO_OA_ID: TEST_IDENTITY.oaId,
      ZALO_OA_SECRET_KEY: TEST_IDENTITY.oaSecretKey,
      ZALO_MINI_APP_ID: TEST_IDENTITY.miniAppId,
      ZALO_OA_API_URL: standin.url,
      ZALO_OAUTH_URL: standin.url,
      ZALO_OA_REFRESH_TOKEN: TEST_IDENTITY.refreshToken,
      ZALO_OA_RATE_PER_MINUTE: 4_000,
    },
    logger,
    registry: metrics.registry,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.bot ? { bot: opts.bot } : {}),
    ...(opts.owner ? { owner: opts.owner } : {}),
    ...(opts.onOutboundProblem ? { onOutboundProblem: opts.onOutboundProblem } : {}),
    ...opts.hooks,
    tuning: { pollMs: 50, apiTimeoutMs: 3_000, inboxRetry: { baseMs: 10, maxMs: 50 }, outboundRetry: { baseMs: 10, maxMs: 50 }, ...opts.tuning },
  });
  const app = createApp({ logger, metrics, ping: async () => {}, api: [], other: [["/webhooks/zalo", module.webhookRouter]] });
  return {
    module,
    standin,
    app,
    registry: metrics.registry,
    post(body, headers = {}) {
      const delivery = signed(body);
      const req = request(app).post("/webhooks/zalo").set("Content-Type", "application/json");
      if (!("X-ZEvent-Signature" in headers)) req.set("X-ZEvent-Signature", delivery.signature);
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      return req.send(delivery.raw);
    },
    async drain() {
      for (let i = 0; i < 50; i++) {
        const a = await module.inboxWorker.drainUntilIdle();
        const b = await module.outboundWorker.drainUntilIdle();
        if (a === 0 && b === 0) return;
      }
    },
    async control(body) {
      const res = await fetch(`${standin.url}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`control failed: ${res.status}`);
    },
    async stop() {
      await module.stop();
      if (!opts.standin) await standin.stop();
    },
  };
}

/** The value of one labelled counter in a registry (0 when absent). */
export async function metricValue(registry: ZaloHarness["registry"], name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  const values = (metric?.values ?? []) as Array<{ value: number; labels: Record<string, string | number> }>;
  return values.filter((v) => Object.entries(labels).every(([k, l]) => String(v.labels[k]) === l)).reduce((sum, v) => sum + v.value, 0);
}
