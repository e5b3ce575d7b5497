// The declaration backend is down for 10 minutes of simulated time. The real server runs in
// process on a clock this test moves, with the outbox worker's production settings (attempts,
// backoff, lease, poll); after each move the test wakes the worker, as a newly stored declaration
// would, so a simulated step costs milliseconds. Declarations keep coming in during the outage. When the backend is back, every one of them
// must reach it exactly once, and none may have been given up on (dead-lettered) meanwhile.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitDeclarationResponseSchema } from "@khaibao/shared";
import { sampleDeclaration } from "../../shared/src/testing/fixtures";
import { startDeclarationBackendStandin, type BackendCounts, type DeclarationBackendStandin } from "../../bot-server/src/standins/declaration-backend";
import { startTestServer, type TestServer } from "../support/server";

const AT_OUTAGE_START = 100;
const DURING_OUTAGE = 100;
const TOTAL = AT_OUTAGE_START + DURING_OUTAGE;
const OUTAGE_MS = 10 * 60_000;
/** The simulated clock moves at least this far per step: the worker's default idle poll, so due rows are seen no later than in production. */
const STEP_MS = 2_000;
const BACKEND_TOKEN = "outage-test-token";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("declaration backend down for 10 minutes (simulated clock)", () => {
  let backend: DeclarationBackendStandin;
  let server: TestServer;
  let t = Date.now();
  const now = () => new Date(t);

  beforeAll(async () => {
    backend = await startDeclarationBackendStandin({ dbFile: ":memory:", token: BACKEND_TOKEN });
    server = await startTestServer({ DECLARATION_BACKEND_URL: backend.url, DECLARATION_BACKEND_TOKEN: BACKEND_TOKEN }, { now });
  });
  afterAll(async () => {
    await server?.stop();
    await backend?.stop();
  });

  const control = async (body: Record<string, unknown>) => {
    const res = await fetch(`${backend.url}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  };

  async function submit(i: number): Promise<string> {
    const res = await fetch(`${server.baseUrl}/api/declarations`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-zalo-access-token": `dev:outage-${i}` },
      body: JSON.stringify({ idempotencyKey: randomUUID(), declaration: sampleDeclaration() }),
    });
    expect(res.status).toBe(201);
    return submitDeclarationResponseSchema.parse(await res.json()).receipt.code;
  }

  /** Moves the clock, then waits until the worker has done everything due by then: no send in flight, nothing due. */
  async function moveTo(at: number): Promise<void> {
    t = at;
    server.server.outbox.wake();
    await settled();
  }

  async function settled(): Promise<void> {
    for (;;) {
      const row = await server.server.db.get<{ n: number | string }>(
        "SELECT COUNT(*) AS n FROM declaration_outbox WHERE state = 'pending' AND (claimed_by IS NOT NULL OR next_attempt_at <= $1)",
        [now()],
      );
      if (Number(row?.n) === 0) return;
      await sleep(5);
    }
  }

  /** When the next retry is due, if any declaration still waits. */
  async function nextDue(): Promise<number | undefined> {
    const row = await server.server.db.get<{ at: string | null }>("SELECT MIN(next_attempt_at) AS at FROM declaration_outbox WHERE state = 'pending'");
    return row?.at ? Date.parse(row.at) : undefined;
  }

  it("when the backend is down for 10 simulated minutes, then afterwards every declaration arrives exactly once and none is dead-lettered", async () => {
    const startedAt = Date.now();
    await control({ reset: true, down: true });
    const outageEnd = t + OUTAGE_MS;
    const codes: string[] = [];
    for (let i = 0; i < AT_OUTAGE_START; i++) codes.push(await submit(i));

    // The outage: the clock moves step by step; once a step the worker has done everything due
    // (every failed send rescheduled by its backoff), and one more citizen submits.
    let late = 0;
    let steps = 0;
    while (t < outageEnd) {
      if (late < DURING_OUTAGE) codes.push(await submit(AT_OUTAGE_START + late++));
      await settled();
      const due = await nextDue();
      // Nothing due within a step: jump straight to the next retry (the worker would only sleep).
      const target = late < DURING_OUTAGE || due === undefined ? t + STEP_MS : Math.max(t + STEP_MS, due);
      await moveTo(Math.min(outageEnd, target));
      steps++;
    }
    const duringOutage = await server.server.db.all<{ state: string; n: number | string }>("SELECT state, COUNT(*) AS n FROM declaration_outbox GROUP BY state");
    expect(duringOutage.map((r) => [r.state, Number(r.n)])).toEqual([["pending", TOTAL]]);
    // The backoff really ran through the outage: each early declaration was tried and failed at
    // least 9 times (the 8 delays before a 9th attempt are capped at 2 s, 4 s, ... 256 s: 8.5 minutes).
    const early = await server.server.db.get<{ least: number | string }>(
      "SELECT MIN(o.attempts) AS least FROM declaration_outbox o JOIN declarations d ON d.id = o.declaration_id WHERE d.receipt_code IN (" +
        codes.slice(0, AT_OUTAGE_START).map((_, i) => `$${i + 1}`).join(", ") +
        ")",
      codes.slice(0, AT_OUTAGE_START),
    );
    expect(Number(early?.least)).toBeGreaterThanOrEqual(9);

    // The backend is back: the clock moves on to each retry as it falls due, until none is left.
    await control({ down: false });
    for (let due = await nextDue(); due !== undefined; due = await nextDue()) {
      await moveTo(Math.max(t + STEP_MS, due));
      steps++;
    }

    const counts = (await (await fetch(`${backend.url}/v1/declarations?count`, { headers: { authorization: `Bearer ${BACKEND_TOKEN}` } })).json()) as BackendCounts;
    // Exactly once: every declaration stored, none twice, and no second delivery of any.
    expect(counts).toEqual({ count: TOTAL, rejected: 0, distinctDeclarationIds: TOTAL, distinctReceiptCodes: TOTAL, deliveries: TOTAL });
    const outbox = await server.server.db.all<{ state: string; n: number | string }>("SELECT state, COUNT(*) AS n FROM declaration_outbox GROUP BY state");
    expect(outbox.map((r) => [r.state, Number(r.n)])).toEqual([["done", TOTAL]]);
    expect(await server.server.deadLetters.list()).toEqual([]);
    const attempts = await server.server.db.get<{ most: number | string; total: number | string }>("SELECT MAX(attempts) AS most, SUM(attempts) AS total FROM declaration_outbox");
    console.log(
      `backend outage: ${TOTAL} declarations, ${Math.round((t - outageEnd + OUTAGE_MS) / 60_000)} simulated minutes in ${steps} steps, ` +
        `${attempts?.total} attempts (at most ${attempts?.most} for one), ${Math.round((Date.now() - startedAt) / 1000)} s`,
    );
  });
});
