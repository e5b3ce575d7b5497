// A citizen writes to the OA while the OA API misbehaves: it answers -32 (rate limit) three
// times, then -216 (access token invalid) once. End to end through the real server in process:
// the signed webhook, the durable inbox, the bot, the outgoing queue, the OA client and the token
// manager, against the OA stand-in. The reply must arrive, whole and once, after the backoff and
// exactly one token refresh. The clock is the server's own; the test moves it past each backoff
// (the rate limiter's short real-time pause still runs as in production).
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleZaloEvent } from "@khaibao/shared";
import { DEV_ZALO_APP_ID, DEV_ZALO_OA_ID, DEV_ZALO_OA_SECRET_KEY, type RefreshUse } from "../../bot-server/src/standins/zalo-oa";
import { startTestServer, type TestServer } from "../support/server";

const WARM_UP_USER = "8200000000000000001";
const CITIZEN = "8200000000000000002";
const TEXT = "Xin chào";
const RATE_LIMITED_TIMES = 3;

type Sent = { messages: Array<{ userId: string; message: Record<string, unknown> }> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("OA API answering -32 and -216 (real server, OA stand-in)", () => {
  let server: TestServer;
  let standinUrl: string;
  let offset = 0;
  const now = () => new Date(Date.now() + offset);

  beforeAll(async () => {
    server = await startTestServer({}, { now });
    const standin = server.server.zalo.standin;
    if (!standin) throw new Error("the OA stand-in did not start");
    standinUrl = standin.url;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const control = async (body: Record<string, unknown>) => {
    const res = await fetch(`${standinUrl}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  };
  const sentTo = async (user: string) => ((await (await fetch(`${standinUrl}/__messages?user_id=${user}`)).json()) as Sent).messages.map((m) => m.message);
  const refreshUses = async () => ((await (await fetch(`${standinUrl}/__state`)).json()) as { refreshUses: RefreshUse[] }).refreshUses;
  const metrics = async () => (await fetch(`${server.baseUrl}/metrics`)).text();

  /** What Zalo POSTs to our webhook when a citizen writes: signed sha256(appId + body + timestamp + OA secret key). */
  async function citizenWrites(user: string, text: string): Promise<void> {
    const timestamp = String(now().getTime());
    const body = JSON.stringify(
      sampleZaloEvent("user_send_text", { ids: { appId: DEV_ZALO_APP_ID, oaId: DEV_ZALO_OA_ID, userId: user }, timestamp, msgId: randomBytes(10).toString("hex"), text }),
    );
    const mac = createHash("sha256").update(DEV_ZALO_APP_ID).update(body).update(timestamp).update(DEV_ZALO_OA_SECRET_KEY).digest("hex");
    const res = await fetch(`${server.baseUrl}/webhooks/zalo`, { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": `mac=${mac}` }, body });
    expect(res.status).toBe(200);
  }

  /**
   * Until every reply queued for `user` is sent. Meanwhile a reply waiting for its backoff gets
   * the clock moved to its due time and the sender woken, as its poll would after the wait.
   */
  async function repliesSent(user: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows = await server.server.db.all<{ state: string; next_attempt_at: string }>("SELECT state, next_attempt_at FROM zalo_outbox WHERE user_id = $1", [user]);
      if (rows.length > 0 && rows.every((r) => r.state === "sent")) return;
      if (rows.some((r) => r.state === "failed" || r.state === "undeliverable")) throw new Error(`a reply failed: ${JSON.stringify(rows)}`);
      const waiting = rows.filter((r) => r.state === "queued").map((r) => Date.parse(r.next_attempt_at));
      const due = waiting.length > 0 ? Math.min(...waiting) : undefined;
      if (due !== undefined && due > now().getTime()) {
        offset += due - now().getTime();
        server.server.zalo.outboundWorker.wake();
      }
      if (Date.now() > deadline) throw new Error(`replies to ${user} not sent: ${JSON.stringify(rows)}`);
      await sleep(50);
    }
  }

  it("when the OA API rate-limits three times and then calls the token invalid, then the bot's reply arrives once, after exactly one refresh", async () => {
    // Another citizen first: the server takes its first access token, and we learn the bot's answer.
    await citizenWrites(WARM_UP_USER, TEXT);
    await repliesSent(WARM_UP_USER);
    const expected = await sentTo(WARM_UP_USER);
    expect(expected.length).toBeGreaterThan(0);
    const usesBefore = await refreshUses();

    await control({
      faults: [
        { endpoint: "message", error: -32, times: RATE_LIMITED_TIMES },
        { endpoint: "message", error: -216, times: 1 },
      ],
    });
    await citizenWrites(CITIZEN, TEXT);
    await repliesSent(CITIZEN);

    // Every injected failure was met...
    expect(server.server.zalo.standin?.state.faults).toEqual([]);
    // ...and still the same answer went out, every message of it, each once.
    expect(await sentTo(CITIZEN)).toEqual(expected);
    // One refresh for the -216, and it succeeded.
    const uses = (await refreshUses()).slice(usesBefore.length);
    expect(uses.map((u) => u.ok)).toEqual([true]);
    // The first reply waited out each -32 (an attempt each), then went with the refreshed token.
    const rows = await server.server.db.all<{ state: string; attempts: number | string }>("SELECT state, attempts FROM zalo_outbox WHERE user_id = $1 ORDER BY id", [CITIZEN]);
    expect(rows.map((r) => [r.state, Number(r.attempts)])).toEqual(expected.map((_, i) => ["sent", i === 0 ? RATE_LIMITED_TIMES + 1 : 1]));
    const text = await metrics();
    expect(text).toMatch(new RegExp(`khaibao_zalo_oa_messages_total\\{outcome="retry",kind="rate_limited"\\} ${RATE_LIMITED_TIMES}\\b`));
    // Our replies' echoes were recognised as ours: the bot still owns the conversation.
    expect((await server.server.zalo.conversations.get(CITIZEN))?.owner).toBe("bot");
  });
});
