// Two server instances on one PostgreSQL database, through a proxy that can take the database
// away. Citizens submit to both while one instance is SIGKILLed and PostgreSQL disappears for a
// while; Zalo delivers every webhook to both instances. The backend must end with each
// declaration exactly once, and each citizen's message must be answered exactly once.
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { sampleZaloEvent, submitDeclarationResponseSchema, type SubmitDeclarationRequest } from "@khaibao/shared";
import { zaloSignatureHeader } from "../../bot-server/src/webhook/signature";
import { sampleDeclaration } from "../../shared/src/testing/fixtures";
import type { BackendCounts } from "../../bot-server/src/standins/declaration-backend";
import { DEV_ZALO_APP_ID, DEV_ZALO_OA_ID, DEV_ZALO_OA_REFRESH_TOKEN, DEV_ZALO_OA_SECRET_KEY } from "../../bot-server/src/standins/zalo-oa/dev";
import { killAll, pool, startNode, type Child } from "./processes";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

const DECLARATIONS = 400;
const KILL_AFTER_ANSWERS = 120;
const CHATS = 60;
const BACKEND_TOKEN = "scale-out-token";
const ADMIN = { username: "scale-admin", password: "scale-out-password-1" };
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const ci = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe.skipIf(!TEST_DATABASE_URL && !ci)("two instances on PostgreSQL", () => {
  const database = `khaibao_scale_${randomBytes(4).toString("hex")}`;
  let proxy: TcpProxy;
  const dir = mkdtempSync(path.join(tmpdir(), "khaibao-scale-"));
  let backendUrl: string;
  let oaUrl: string;
  const keys = {
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    RECEIPT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "der" }).toString("base64"),
  };

  beforeAll(async () => {
    if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is required in CI");
    await admin(`CREATE DATABASE ${database}`);
    const target = new URL(TEST_DATABASE_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const backend = startNode("bot-server/src/standins/declaration-backend/main.ts", ["--port", "0", "--db", path.join(dir, "backend.sqlite"), "--token", BACKEND_TOKEN], {});
    backendUrl = String((await backend.waitForLog((l) => l.msg === "listening")).url);
    const oa = startNode("bot-server/src/standins/zalo-oa/main.ts", ["--port", "0"], {});
    oaUrl = String((await oa.waitForLog((l) => l.msg === "listening")).url);
  });
  afterAll(async () => {
    await killAll();
    await proxy?.close();
    rmSync(dir, { recursive: true, force: true });
    if (TEST_DATABASE_URL) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  });

  function startInstance(role: "all" | "web" = "all"): Promise<{ child: Child; url: string }> {
    const url = new URL(TEST_DATABASE_URL ?? "postgres://localhost");
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${database}`;
    const child = startNode("bot-server/src/main.ts", [], {
      NODE_ENV: "test",
      INSTANCE_ROLE: role,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      DATABASE_URL: url.toString(),
      DATABASE_POOL_MAX: "4",
      ...keys,
      DECLARATION_BACKEND_URL: backendUrl,
      DECLARATION_BACKEND_TOKEN: BACKEND_TOKEN,
      DECLARATION_BACKEND_TIMEOUT_MS: "1000",
      ZALO_OA_API_URL: oaUrl,
      ZALO_OAUTH_URL: oaUrl,
      // The shared OA stand-in's seed refresh token; the first instance to need a token spends it.
      ZALO_OA_REFRESH_TOKEN: DEV_ZALO_OA_REFRESH_TOKEN,
      OUTBOX_LEASE_MS: "3000",
      OUTBOX_POLL_MS: "200",
      OUTBOX_RETRY_BASE_MS: "50",
      OUTBOX_RETRY_MAX_MS: "1000",
      OUTBOX_MAX_ATTEMPTS: "1000",
      STAFF_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}`,
    });
    return child.waitForLog((l) => l.msg === "bot server listening").then((l) => ({ child, url: String(l.url) }));
  }

  it("when one instance is killed and PostgreSQL goes away mid-load, then every declaration reaches the backend once and every message is answered once", async () => {
    let a = await startInstance();
    const b = await startInstance();

    // Zalo delivers each citizen's message to both instances (a retry landing on the other one).
    const chatUsers = Array.from({ length: CHATS }, (_, i) => String(8_200_000_000_000_000_000n + BigInt(i)));
    const deliver = async (userId: string, msgId: string, baseUrl: string) => {
      const timestamp = String(Date.now());
      const event = sampleZaloEvent("user_send_text", { ids: { appId: DEV_ZALO_APP_ID, oaId: DEV_ZALO_OA_ID, userId }, timestamp, msgId, text: "xin chào" });
      const rawBody = JSON.stringify(event);
      const res = await fetch(`${baseUrl}/webhooks/zalo`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": zaloSignatureHeader({ appId: DEV_ZALO_APP_ID, rawBody, timestamp, oaSecretKey: DEV_ZALO_OA_SECRET_KEY }) },
        body: rawBody,
      });
      expect(res.status).toBe(200);
    };
    await pool(chatUsers, 8, async (userId) => {
      const msgId = randomBytes(10).toString("hex");
      await Promise.all([deliver(userId, msgId, a.url), deliver(userId, msgId, b.url)]);
    });

    interface Job { user: string; body: SubmitDeclarationRequest; code?: string }
    const jobs: Job[] = Array.from({ length: DECLARATIONS }, (_, i) => ({
      user: `dev:scale-${i}`,
      body: { idempotencyKey: randomUUID(), declaration: sampleDeclaration() },
    }));
    let answered = 0;
    let killed: Promise<void> | undefined;
    let refusedWhileDown = 0;
    const submit = async (job: Job, baseUrl: string) => {
      try {
        const res = await fetch(`${baseUrl}/api/declarations`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-zalo-access-token": job.user },
          body: JSON.stringify(job.body),
        });
        if (res.status >= 500) {
          // The database is away: nothing was accepted, the mini app keeps it and tries again.
          refusedWhileDown++;
          await res.body?.cancel();
          return;
        }
        expect(res.status).toBe(201);
        const { receipt } = submitDeclarationResponseSchema.parse(await res.json());
        expect(job.code === undefined || job.code === receipt.code).toBe(true);
        job.code = receipt.code;
        answered++;
      } catch (error) {
        if (!String(error).includes("fetch failed")) throw error;
      }
      if (answered >= KILL_AFTER_ANSWERS && !killed) killed = a.child.kill("SIGKILL");
    };

    // Phase 1: both instances take submissions until A is killed; what A never answered waits.
    await pool(jobs, 16, (job) => submit(job, jobs.indexOf(job) % 2 === 0 ? a.url : b.url));
    await killed;

    // Phase 2: PostgreSQL goes away while B takes the re-sends; B says it is not ready meanwhile.
    proxy.cut();
    // (Before idle and checked-out connections' errors were handled, this is where B crashed.)
    await until("B's /readyz to fail", async () => ((await fetch(`${b.url}/readyz`)).status === 503 ? true : undefined), 20_000);
    await pool(jobs.filter((j) => !j.code).slice(0, 20), 4, (job) => submit(job, b.url));
    expect(jobs.filter((j) => j.code).length).toBeLessThan(DECLARATIONS);
    await sleep(2_000);
    proxy.restore();
    await until("B's /readyz to recover", async () => ((await fetch(`${b.url}/readyz`)).ok ? true : undefined), 30_000);

    // Phase 3: A comes back; the mini apps re-send what got no answer, to either instance.
    a = await startInstance();
    for (let round = 0; round < 5 && jobs.some((j) => !j.code); round++) {
      await pool(jobs.filter((j) => !j.code), 8, (job) => submit(job, round % 2 === 0 ? a.url : b.url));
    }
    expect(jobs.filter((j) => !j.code)).toEqual([]);

    const counts = await until("the backend to hold every declaration", async () => {
      const c = (await (await fetch(`${backendUrl}/v1/declarations?count`, { headers: { authorization: `Bearer ${BACKEND_TOKEN}` } })).json()) as BackendCounts;
      return c.count >= DECLARATIONS ? c : undefined;
    });
    expect(counts).toMatchObject({ count: DECLARATIONS, distinctDeclarationIds: DECLARATIONS, distinctReceiptCodes: DECLARATIONS, rejected: 0 });

    // Each citizen's "xin chào", delivered to both instances, was answered once: the same
    // number of messages for everyone, as many as one delivery gives.
    const control = String(8_300_000_000_000_000_000n);
    await deliver(control, randomBytes(10).toString("hex"), b.url);
    const messagesOf = async (userId: string) =>
      ((await (await fetch(`${oaUrl}/__messages?user_id=${userId}`)).json()) as { messages: unknown[] }).messages.length;
    const perDelivery = await until("the control citizen's answer", async () => ((await messagesOf(control)) > 0 ? messagesOf(control) : undefined));
    await sleep(1_000);
    for (const userId of chatUsers) expect(await messagesOf(userId)).toBe(perDelivery);
    expect(refusedWhileDown + answered).toBeGreaterThan(0);
  }, 240_000);

  it("when a citizen writes to one instance, then a console connected to the other instance hears of it", async () => {
    // B runs no workers: only A processes the citizen's message, so B can only hear of it from A.
    const a = await startInstance();
    const b = await startInstance("web");
    const login = await fetch(`${b.url}/api/staff/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const abort = new AbortController();
    const stream = await fetch(`${b.url}/api/staff/events`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
    expect(stream.status).toBe(200);
    const received: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) received.push(decoder.decode(chunk, { stream: true }));
      } catch {
        // aborted at the end
      }
    })();
    try {
      const userId = String(8_400_000_000_000_000_000n + BigInt(Date.now() % 1_000_000));
      const timestamp = String(Date.now());
      const event = sampleZaloEvent("user_send_text", { ids: { appId: DEV_ZALO_APP_ID, oaId: DEV_ZALO_OA_ID, userId }, timestamp, msgId: randomBytes(10).toString("hex"), text: "gặp nhân viên" });
      const rawBody = JSON.stringify(event);
      const res = await fetch(`${a.url}/webhooks/zalo`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": zaloSignatureHeader({ appId: DEV_ZALO_APP_ID, rawBody, timestamp, oaSecretKey: DEV_ZALO_OA_SECRET_KEY }) },
        body: rawBody,
      });
      expect(res.status).toBe(200);
      await until("the event on B's stream", async () => (received.join("").includes(`"userId":"${userId}"`) ? true : undefined), 30_000);
    } finally {
      abort.abort();
      await reading;
    }
  }, 120_000);
});
