import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Bot } from "../../../conversations";
import { openTestDatabases } from "../../../storage/testing";
import type { Database } from "../../../storage";
import { event, manualClock, metricValue, startZaloHarness, type ZaloHarness } from "../testing";
import type { OutboundProblemReport } from "./worker";

const USER = "2468458835296197922";
const OTHER = "5512345678901234567";

type Sent = { messages: Array<{ userId: string; message: Record<string, unknown> }> };

describe.each(openTestDatabases({ migrate: true }))("outbound queue ($name)", ({ open }) => {
  let db: Database;
  let h: ZaloHarness;
  const clock = manualClock();
  const start = clock.t;
  const problems: OutboundProblemReport[] = [];
  beforeEach(async () => {
    clock.t = start;
    problems.length = 0;
    db = await open();
    h = await startZaloHarness({ db, now: clock.now, tuning: { maxOutboundAttempts: 3 } });
  });
  afterEach(async () => {
    await h.stop();
    await db.close();
  });

  const sent = (user?: string) => fetch(`${h.standin.url}/__messages${user ? `?user_id=${user}` : ""}`).then((r) => r.json() as Promise<Sent>);
  const rows = () => db.all<{ user_id: string; state: string; attempts: number; zalo_code: number | null }>("SELECT user_id, state, attempts, zalo_code FROM zalo_outbox ORDER BY id");
  /** Runs the sender, moving the clock past every backoff. */
  async function sendAll() {
    for (let i = 0; i < 20; i++) {
      clock.advance(60_000);
      await h.module.outboundWorker.drainUntilIdle();
    }
  }

  it("when Zalo says the user has not interacted for 7 days (-230), then the message is undeliverable at once, reported to staff, and later messages still go", async () => {
    await h.stop();
    h = await startZaloHarness({ db, now: clock.now, tuning: { maxOutboundAttempts: 3 }, onOutboundProblem: (p) => problems.push(p) });
    await h.control({ undeliverable: { [USER]: -230 } });
    await h.module.send(USER, [{ type: "text", text: "Nhắc lịch" }]);
    await sendAll();
    expect(await rows()).toEqual([{ user_id: USER, state: "undeliverable", attempts: 1, zalo_code: -230 }]);
    const msg = (await h.module.conversations.messages(USER))[0];
    expect([msg?.author, msg?.state, msg?.zaloCode]).toEqual(["staff", "undeliverable", -230]);
    expect(msg?.reason).toMatch(/7 days/);
    expect(problems.map((p) => [p.userId, p.state, p.zaloCode])).toEqual([[USER, "undeliverable", -230]]);
    const listed = await h.module.problems();
    expect(listed.outbound.map((p) => [p.state, p.zaloCode])).toEqual([["undeliverable", -230]]);
    expect(await metricValue(h.registry, "khaibao_zalo_oa_messages_total", { outcome: "undeliverable" })).toBe(1);
    // The user writes again (the window reopens): the next message goes.
    h.standin.state.undeliverable.clear();
    await h.module.send(USER, [{ type: "text", text: "Chào bạn" }]);
    await sendAll();
    expect((await rows()).map((r) => r.state)).toEqual(["undeliverable", "sent"]);
  });

  it("when the user does not follow the OA (-213), then undeliverable too", async () => {
    await h.control({ undeliverable: { [USER]: -213 } });
    await h.module.send(USER, [{ type: "text", text: "a" }]);
    await sendAll();
    expect(await rows()).toEqual([{ user_id: USER, state: "undeliverable", attempts: 1, zalo_code: -213 }]);
  });

  it("when Zalo rate-limits (-32), then the send waits and is retried until it goes", async () => {
    await h.control({ faults: [{ endpoint: "message", error: -32, times: 2 }] });
    await h.module.send(USER, [{ type: "text", text: "Xin chào" }]);
    await sendAll();
    expect(await rows()).toEqual([{ user_id: USER, state: "sent", attempts: 3, zalo_code: null }]);
    expect(await metricValue(h.registry, "khaibao_zalo_oa_messages_total", { outcome: "retry", kind: "rate_limited" })).toBe(2);
  }, 20_000);

  it("when Zalo keeps failing, then after the attempts the message is failed with the last reason (not retried forever)", async () => {
    await h.control({ faults: [{ endpoint: "message", error: -211, message: "Quota exceeded", times: 10 }] });
    await h.module.send(USER, [{ type: "text", text: "Xin chào" }]);
    await sendAll();
    expect(await rows()).toEqual([{ user_id: USER, state: "failed", attempts: 3, zalo_code: -211 }]);
    expect((await h.module.conversations.messages(USER))[0]?.state).toBe("failed");
  }, 20_000);

  it("when our request is invalid, then it fails at once", async () => {
    await h.module.send("not-a-numeric-id", [{ type: "text", text: "x" }]);
    await sendAll();
    expect(await rows()).toEqual([{ user_id: "not-a-numeric-id", state: "failed", attempts: 1, zalo_code: -201 }]);
  });

  it("one user's messages go in order even when the first must wait; another user's do not wait for them", async () => {
    await h.control({ faults: [{ endpoint: "message", error: -32, times: 1 }] });
    await h.module.send(USER, [
      { type: "text", text: "một" },
      { type: "text", text: "hai" },
      { type: "text", text: "ba" },
    ]);
    await h.module.send(OTHER, [{ type: "text", text: "khác" }]);
    await h.module.outboundWorker.drainOnce(); // USER's "một" is rate-limited, OTHER's goes
    expect((await sent()).messages.map((m) => m.message.text)).toEqual(["khác"]);
    await sendAll();
    expect((await sent(USER)).messages.map((m) => m.message.text)).toEqual(["một", "hai", "ba"]);
  });

  it("sends a QR picture: uploaded first, then sent by attachment id", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex").toString("base64");
    await h.module.send(USER, [{ type: "image", image: { kind: "png", base64: png }, text: "Mã QR" }]);
    await sendAll();
    expect(h.standin.state.uploads).toHaveLength(1);
    const message = (await sent()).messages[0]?.message as { attachment: { payload: { elements: Array<{ attachment_id: string }> } } };
    expect(message.attachment.payload.elements[0]?.attachment_id).toBe(h.standin.state.uploads[0]?.attachmentId);
  });
});

describe.each(openTestDatabases({ migrate: true }))("a conversation while the access token expires ($name)", ({ open }) => {
  let db: Database;
  let h: ZaloHarness;
  beforeEach(async () => {
    db = await open();
    const bot: Bot = { handle: async (e) => (e.event_name === "user_send_text" ? [{ type: "text", text: `Đã nhận tin ${e.message.msg_id}` }] : []) };
    h = await startZaloHarness({ db, bot, tuning: { pollMs: 20 } });
    h.module.start();
  });
  afterEach(async () => {
    await h.stop();
    await db.close();
  });

  async function waitForReplies(n: number): Promise<string[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const res = (await fetch(`${h.standin.url}/__messages?user_id=${USER}`).then((r) => r.json())) as Sent;
      const texts = res.messages.map((m) => String(m.message.text));
      if (texts.length >= n || Date.now() > deadline) return texts;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it("when the token expires mid-conversation, then the reply still arrives and exactly one refresh happened", async () => {
    const now = Date.now();
    expect((await h.post(event("user_send_text", { msgId: "c1", timestamp: String(now) }))).status).toBe(200);
    expect(await waitForReplies(1)).toEqual(["Đã nhận tin c1"]);
    const usesBefore = h.standin.state.refreshUses.length; // the first token came from the seeded refresh token
    expect(usesBefore).toBe(1);
    await h.control({ expireAccessTokens: true });
    expect((await h.post(event("user_send_text", { msgId: "c2", timestamp: String(now + 1) }))).status).toBe(200);
    expect(await waitForReplies(2)).toEqual(["Đã nhận tin c1", "Đã nhận tin c2"]);
    expect(h.standin.state.refreshUses.map((u) => u.ok)).toEqual([true, true]);
    expect(await metricValue(h.registry, "khaibao_zalo_oa_token_refreshes_total", { outcome: "ok" })).toBe(2);
  });
});
