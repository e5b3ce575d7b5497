// Helpers for the privacy tests: the citizen's API (declarations + privacy routes) on a test
// database, a Zalo Graph stand-in for tokens, a backend that records what it received and can
// be made to fail, and a clock the test moves.
import { randomUUID } from "node:crypto";
import type { Express } from "express";
import request from "supertest";
import type { DeclarationInput } from "@khaibao/shared";
import { loadAdminUnits } from "../admin-units";
import { createDeclarationsFeature, type DeclarationsFeature } from "../declarations";
import type { BackendDeclaration, DeclarationBackend } from "../declarations/outbox/backend";
import { sampleDeclaration, seedCheckpoints, testCipher, testSigner } from "../declarations/testing";
import { createApp } from "../http/app";
import { createLogger } from "../observability/logger";
import { createMetrics } from "../observability/metrics";
import { AuditLog } from "../staff/audit";
import type { Database } from "../storage";
import type { RunningStandin } from "../standins/listen";
import { createHttpZaloGraph, requireZaloUser, withMeCache } from "../zalo";
import { createPrivacyFeature, type PrivacyFeature } from "./feature";

export const GRAPH_APP_SECRET = "privacy-test-secret";
const adminUnits = loadAdminUnits();

export interface RecordingBackend extends DeclarationBackend {
  received: BackendDeclaration[];
  /** While false, every submission fails (the backend is down). */
  up: boolean;
}

export function recordingBackend(): RecordingBackend {
  const backend: RecordingBackend = {
    received: [],
    up: true,
    async submit(record) {
      if (!backend.up) throw new Error("backend down");
      backend.received.push(record);
      return { ok: true, duplicate: false };
    },
  };
  return backend;
}

export interface PrivacyTestApp {
  app: Express;
  declarations: DeclarationsFeature;
  privacy: PrivacyFeature;
  backend: RecordingBackend;
  clock: { now: () => Date; advanceDays(days: number): void };
  /** POST /api/declarations as this Zalo user; `committedAt` is the device's clientSubmittedAt. */
  declare(user: string, opts?: { overrides?: Partial<DeclarationInput>; committedAt?: string }): Promise<request.Response>;
  /** Forwards every due declaration to the backend. */
  forward(): Promise<void>;
}

export async function privacyTestApp(db: Database, graph: RunningStandin, start = "2026-11-28T09:00:00.000Z"): Promise<PrivacyTestApp> {
  let t = Date.parse(start);
  const clock = { now: () => new Date(t), advanceDays: (days: number) => void (t += days * 86_400_000) };
  const seeded = await seedCheckpoints(db);
  const zaloGraph = withMeCache(createHttpZaloGraph({ baseUrl: graph.url, appSecret: GRAPH_APP_SECRET }));
  const logger = createLogger({ level: "silent" });
  const backend = recordingBackend();
  const privacy = createPrivacyFeature({
    db,
    auth: requireZaloUser(zaloGraph),
    audit: new AuditLog(db),
    retentionDays: 30,
    intervalMinutes: 0,
    now: clock.now,
    logger,
  });
  const declarations = createDeclarationsFeature({
    db,
    checkpoints: { get: (id) => seeded.get(id) },
    wards: adminUnits,
    graph: zaloGraph,
    cipher: await testCipher(),
    signer: await testSigner(),
    consents: privacy.consents,
    backend,
    registry: createMetrics().registry,
    logger,
    receiptValidityHours: 72,
    outbox: { owner: "t", maxAttempts: 100, concurrency: 4, pollMs: 60_000, leaseMs: 30_000, retry: { baseMs: 60_000, maxMs: 60_000 } },
    now: clock.now,
  });
  const app = createApp({ logger, metrics: createMetrics(), ping: async () => {}, api: [...declarations.api, ...privacy.api], other: [] });
  return {
    app,
    declarations,
    privacy,
    backend,
    clock,
    declare(user, opts = {}) {
      return request(app)
        .post("/api/declarations")
        .set("x-zalo-access-token", user)
        .send({
          idempotencyKey: randomUUID(),
          declaration: sampleDeclaration(opts.overrides),
          ...(opts.committedAt ? { clientSubmittedAt: opts.committedAt } : {}),
        });
    },
    async forward() {
      while ((await declarations.worker.drainOnce()) > 0);
    },
  };
}

/** A fresh Zalo user's dev token for the Graph stand-in. */
export const newZaloUser = () => `dev:${Math.floor(Math.random() * 9e17 + 1e17)}`;
export const userIdOf = (token: string) => token.split(":")[1] as string;

/**
 * Every form in which the sample citizen could appear: the CCCD, the phone however written, the
 * name with and without diacritics and upper case, the street and the plate.
 */
export const SAMPLE_SECRETS = [
  "001090123456",
  "912345678",
  "912 345 678",
  "Nguyễn Văn An",
  "NGUYỄN VĂN AN",
  "Nguyen Van An",
  "NGUYEN VAN AN",
  "12 Phố Đội Cấn",
  "29A-123.45",
  "29A12345",
] as const;

/** Which of `secrets` occur in these bytes, as UTF-8 text, JSON-escaped text, or raw bytes. */
export function secretsIn(bytes: Buffer, secrets: readonly string[] = SAMPLE_SECRETS): string[] {
  const text = bytes.toString("utf8");
  const latin = bytes.toString("latin1");
  return secrets.filter((s) => {
    const escaped = JSON.stringify(s).slice(1, -1).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    const nfd = s.normalize("NFD");
    return [s, nfd, escaped].some((form) => text.includes(form) || latin.includes(form)) || bytes.includes(Buffer.from(s, "utf8"));
  });
}

/** Every value of every column of every table of the database, rows as they are read back. */
export async function everyValue(db: Database): Promise<Buffer> {
  const tables =
    db.dialect === "sqlite"
      ? (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map((r) => r.name)
      : (await db.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")).map((r) => r.name);
  const parts: Buffer[] = [];
  for (const table of tables) {
    for (const row of await db.all<Record<string, unknown>>(`SELECT * FROM ${table}`)) {
      for (const value of Object.values(row)) {
        if (value === null || value === undefined) continue;
        parts.push(Buffer.isBuffer(value) ? value : Buffer.from(String(value), "utf8"), Buffer.from("\n"));
      }
    }
  }
  return Buffer.concat(parts);
}
