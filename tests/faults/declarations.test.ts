// Fault run of the declaration path: 1,000 citizens submit while the backend fails 30% of the
// time, the server is SIGKILLed midway (submissions and sends in flight), the backend is down
// while the server restarts on the same database, the mini apps re-send what got no answer,
// then the backend comes back. The backend must end with exactly 1,000 declarations, none twice.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitDeclarationResponseSchema, type SubmitDeclarationRequest } from "@khaibao/shared";
import { sampleDeclaration } from "../../shared/src/testing/fixtures";
import { openDatabase } from "../../bot-server/src/storage";
import type { BackendCounts, StoredDeclaration } from "../../bot-server/src/standins/declaration-backend";
import { killAll, pool, startNode, type Child } from "./processes";

const TOTAL = 1_000;
const CONCURRENCY = 20;
const KILL_AFTER_ANSWERS = 400;
const BACKEND_TOKEN = "fault-test-token";

interface Job {
  user: string;
  body: SubmitDeclarationRequest;
  /** The network drops the server's first answer (stored, but the citizen never saw it). */
  loseFirstAnswer: boolean;
  code?: string;
}

describe("declarations under faults", () => {
  let dir: string;
  let backend: Child;
  let backendUrl: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khaibao-faults-"));
    backend = startNode("bot-server/src/standins/declaration-backend/main.ts", ["--port", "0", "--db", path.join(dir, "backend.sqlite"), "--token", BACKEND_TOKEN], {});
    backendUrl = String((await backend.waitForLog((l) => l.msg === "listening")).url);
  });
  afterAll(async () => {
    await killAll();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const control = async (body: Record<string, unknown>) => {
    const res = await fetch(`${backendUrl}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  };
  const backendGet = async <T>(p: string): Promise<T> => (await (await fetch(`${backendUrl}${p}`, { headers: { authorization: `Bearer ${BACKEND_TOKEN}` } })).json()) as T;

  async function startServer(): Promise<{ child: Child; url: string }> {
    const child = startNode("bot-server/src/main.ts", [], {
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      SQLITE_PATH: path.join(dir, "khaibao.sqlite"),
      DECLARATION_BACKEND_URL: backendUrl,
      DECLARATION_BACKEND_TOKEN: BACKEND_TOKEN,
      DECLARATION_BACKEND_TIMEOUT_MS: "1000",
      OUTBOX_LEASE_MS: "3000",
      OUTBOX_POLL_MS: "200",
      OUTBOX_CONCURRENCY: "8",
      OUTBOX_RETRY_BASE_MS: "50",
      OUTBOX_RETRY_MAX_MS: "1000",
      // The outage is longer than 12 attempts of this fast backoff; nothing may die of it here.
      OUTBOX_MAX_ATTEMPTS: "1000",
    });
    const url = String((await child.waitForLog((l) => l.msg === "bot server listening")).url);
    return { child, url };
  }

  it("when the server is killed midway and the backend fails and goes down, then the backend ends with exactly 1,000 declarations, none twice", async () => {
    const started = Date.now();
    await control({ reset: true, failRate: 0.3, latencyMs: 20 });
    let server = await startServer();

    const jobs: Job[] = Array.from({ length: TOTAL }, (_, i) => ({
      // One Zalo user each (dev tokens of the local Graph stand-in), so the per-user budget never bites.
      user: `dev:fault-${String(i).padStart(4, "0")}`,
      body: { idempotencyKey: randomUUID(), declaration: sampleDeclaration() },
      loseFirstAnswer: i % 10 === 5,
    }));
    let answered = 0;
    let replays = 0;
    let lostAnswers = 0;
    let killed: Promise<void> | undefined;
    const submitOne = async (job: Job, baseUrl: string) => {
      try {
        const res = await fetch(`${baseUrl}/api/declarations`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-zalo-access-token": job.user },
          body: JSON.stringify(job.body),
        });
        if (res.status !== 201) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
        if (job.loseFirstAnswer) {
          job.loseFirstAnswer = false;
          lostAnswers++;
          await res.body?.cancel();
          return;
        }
        const { receipt, replayed } = submitDeclarationResponseSchema.parse(await res.json());
        if (replayed) replays++;
        expect(job.code === undefined || job.code === receipt.code).toBe(true);
        job.code = receipt.code;
        answered++;
      } catch (error) {
        // No answer (the server died under it, or is not there): the mini app will send it again.
        if (!(error instanceof TypeError) && !String(error).includes("fetch failed")) throw error;
      }
      if (answered >= KILL_AFTER_ANSWERS && !killed) {
        killed = (async () => {
          await server.child.kill("SIGKILL");
          await control({ down: true });
        })();
      }
    };

    // Phase 1: submissions until the crash; the rest fail to connect.
    await pool(jobs, CONCURRENCY, (job) => submitOne(job, server.url));
    await killed;
    const answeredBeforeCrash = jobs.filter((j) => j.code).length;
    expect(answeredBeforeCrash).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS);
    expect(answeredBeforeCrash).toBeLessThan(TOTAL);

    // Phase 2: restart on the same database while the backend is down; re-send what got no answer.
    server = await startServer();
    const replaysBefore = replays;
    for (let round = 0; round < 3 && jobs.some((j) => !j.code); round++) {
      await pool(jobs.filter((j) => !j.code), CONCURRENCY, (job) => submitOne(job, server.url));
    }
    expect(jobs.filter((j) => !j.code)).toEqual([]);
    // Every declaration whose answer was lost was stored once: its re-send is a replay, not a second row.
    const storedButUnanswered = replays - replaysBefore;
    expect(lostAnswers).toBeGreaterThan(0);
    expect(storedButUnanswered).toBeGreaterThanOrEqual(lostAnswers);
    // A mini app that re-sends an answered declaration gets the same receipt, not a second one.
    for (const job of jobs.slice(0, 20)) {
      const code = job.code;
      await submitOne(job, server.url);
      expect(job.code).toBe(code);
    }

    // Phase 3: the backend comes back (still failing 30% of requests); the outbox drains.
    await control({ down: false });
    let counts: BackendCounts | undefined;
    const drainDeadline = Date.now() + 60_000;
    for (;;) {
      counts = await backendGet<BackendCounts>("/v1/declarations?count");
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      if (counts.count >= TOTAL && /khaibao_declaration_outbox_rows\{state="pending"\} 0\b/.test(metrics)) break;
      if (Date.now() > drainDeadline) throw new Error(`outbox did not drain: backend has ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 250));
    }

    expect(counts).toMatchObject({ count: TOTAL, rejected: 0, distinctDeclarationIds: TOTAL, distinctReceiptCodes: TOTAL });
    const items: StoredDeclaration[] = [];
    for (let offset = 0; offset < TOTAL; offset += 1000) {
      items.push(...(await backendGet<{ items: StoredDeclaration[] }>(`/v1/declarations?limit=1000&offset=${offset}`)).items);
    }
    // The backend holds exactly the receipts the citizens were given.
    expect(new Set(items.map((i) => i.receiptCode))).toEqual(new Set(jobs.map((j) => j.code)));

    // The server stored each declaration once and knows every one was forwarded.
    await server.child.kill("SIGTERM");
    const db = await openDatabase({ sqlitePath: path.join(dir, "khaibao.sqlite") });
    try {
      const statuses = await db.all<{ status: string; n: number }>("SELECT status, COUNT(*) AS n FROM declarations GROUP BY status");
      expect(statuses).toEqual([{ status: "forwarded", n: TOTAL }]);
      const outbox = await db.all<{ state: string; n: number }>("SELECT state, COUNT(*) AS n FROM declaration_outbox GROUP BY state");
      expect(outbox).toEqual([{ state: "done", n: TOTAL }]);
    } finally {
      await db.close();
    }
    console.log(
      `fault run: ${answeredBeforeCrash} answered before the crash, ${storedButUnanswered} stored but unanswered (${lostAnswers} answers lost), replayed after the restart; ` +
        `${counts?.deliveries} deliveries for ${counts?.count} declarations, ${Math.round((Date.now() - started) / 1000)} s`,
    );
  });
});
