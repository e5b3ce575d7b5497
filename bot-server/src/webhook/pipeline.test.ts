import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { zaloEventSchema, type OutgoingMessage, type ZaloEvent } from "@khaibao/shared";
import type { Bot } from "../conversations";
import { openTestDatabases } from "../storage/testing";
import type { Database } from "../storage";
import { event, manualClock, startZaloHarness, TEST_IDENTITY, type ZaloHarness } from "../zalo/oa/testing";
import { compose, type Middleware } from "./pipeline/context";

const USER = "2468458835296197922";
const OTHER = "5512345678901234567";
const parse = (e: Record<string, unknown>): ZaloEvent => zaloEventSchema.parse(e);

/** A bot that answers every user text with "re <msg_id>" and records what it was asked. */
function countingBot() {
  const asked: string[] = [];
  const bot: Bot = {
    async handle(e) {
      asked.push(e.event_name);
      if (e.event_name !== "user_send_text") return [];
      return [{ type: "text", text: `re ${e.message.msg_id}` } satisfies OutgoingMessage];
    },
  };
  return { bot, asked };
}

describe("compose", () => {
  it("runs middlewares in order and refuses a second next()", async () => {
    const seen: string[] = [];
    const a: Middleware = async (_ctx, next) => {
      seen.push("a");
      await next();
      seen.push("a-after");
    };
    const b: Middleware = async () => {
      seen.push("b");
    };
    await compose([a, b])({} as never);
    expect(seen).toEqual(["a", "b", "a-after"]);
    const twice: Middleware = async (_ctx, next) => {
      await next();
      await next();
    };
    await expect(compose([twice, b])({} as never)).rejects.toThrow(/more than once/);
  });
});

describe.each(openTestDatabases({ migrate: true }))("event pipeline without HTTP ($name)", ({ open }) => {
  let db: Database;
  let h: ZaloHarness;
  let asked: string[];
  const clock = manualClock();
  const start = clock.t;
  beforeEach(async () => {
    clock.t = start;
    db = await open();
    const counting = countingBot();
    asked = counting.asked;
    h = await startZaloHarness({ db, now: clock.now, bot: counting.bot });
  });
  afterEach(async () => {
    await h.stop();
    await db.close();
  });

  const feed = (e: Record<string, unknown>) => h.module.pipeline.process(parse(e));

  it("when a user writes, then the message is recorded and the bot's reply is queued with it, then sent", async () => {
    const outcome = await feed(event("user_send_text", { msgId: "u1", text: "Chào" }));
    expect(outcome).toEqual({ kind: "done", replies: 1 });
    let messages = await h.module.conversations.messages(USER);
    expect(messages.map((m) => [m.direction, m.author, m.text, m.state])).toEqual([
      ["in", "user", "Chào", "received"],
      ["out", "bot", "re u1", "queued"],
    ]);
    await h.drain();
    messages = await h.module.conversations.messages(USER);
    expect(messages[1]?.state).toBe("sent");
    expect(messages[1]?.zaloMsgId).toMatch(/^[0-9a-f]{32}$/);
    const conv = await h.module.conversations.get(USER);
    expect(conv?.owner).toBe("bot");
    expect(conv?.lastInboundAt).toBe(clock.now().toISOString());
  });

  it("when the echo of our own message arrives, then it is recognised and the bot keeps the chat", async () => {
    await feed(event("user_send_text", { msgId: "u1" }));
    await h.drain();
    const ours = (await h.module.conversations.messages(USER))[1]?.zaloMsgId;
    expect(ours).toBeTruthy();
    await feed(event("oa_send_text", { msgId: ours ?? "", text: "re u1" }));
    expect((await h.module.conversations.get(USER))?.owner).toBe("bot");
    expect(await h.module.conversations.messages(USER)).toHaveLength(2);
  });

  it("when an echo we did not send arrives, then a person replied from the OA admin: recorded, and the bot stays quiet", async () => {
    await feed(event("user_send_text", { msgId: "u1" }));
    await h.drain();
    await feed(event("oa_send_text", { msgId: "admin-typed-1", text: "Chào anh, em là cán bộ hỗ trợ" }));
    const conv = await h.module.conversations.get(USER);
    expect(conv?.owner).toBe("human");
    expect(conv?.ownerReason).toBe("oa_admin_reply");
    const last = (await h.module.conversations.messages(USER)).at(-1);
    expect([last?.direction, last?.author, last?.text, last?.state]).toEqual(["out", "oa_admin", "Chào anh, em là cán bộ hỗ trợ", "sent"]);
    const outcome = await feed(event("user_send_text", { msgId: "u2", text: "Cảm ơn" }));
    expect(outcome).toEqual({ kind: "done", replies: 0 });
    expect(asked).toEqual(["user_send_text"]);
    expect((await h.module.conversations.messages(USER)).at(-1)?.text).toBe("Cảm ơn");
  });

  it("when the echo overtakes the answer to our own send, then it waits for that send instead of taking the chat over", async () => {
    await feed(event("user_send_text", { msgId: "u1" }));
    const [claimed] = await h.module.outbound.claimHeads({ owner: "slow-sender", limit: 5, leaseMs: 60_000, now: clock.now() });
    expect(claimed?.userId).toBe(USER);
    const echo = event("oa_send_text", { msgId: "zalo-id-of-our-send", text: "re u1" });
    const first = await feed(echo);
    expect(first.kind).toBe("deferred");
    // The send's answer arrives and is recorded; the echo, looked at again, is ours.
    await db.transaction((tx) => h.module.outbound.markSent(tx, claimed?.id ?? 0, "slow-sender", "zalo-id-of-our-send", clock.now()));
    expect(await feed(echo)).toEqual({ kind: "done", replies: 0 });
    expect((await h.module.conversations.get(USER))?.owner).toBe("bot");
  });

  it("when a send timed out but Zalo had delivered it, then its echo confirms it and it is not sent again", async () => {
    await feed(event("user_send_text", { msgId: "u1" }));
    await h.control({ latencyMs: { message: 4_000 } }); // longer than the client's 3 s timeout
    await h.module.outboundWorker.drainOnce();
    await h.control({ latencyMs: { message: 0 } });
    const row = await db.get<{ state: string; attempts: number }>("SELECT state, attempts FROM zalo_outbox");
    expect(row).toEqual({ state: "queued", attempts: 1 });
    const delivered = await fetch(`${h.standin.url}/__messages`).then((r) => r.json() as Promise<{ messages: Array<{ messageId: string }> }>);
    const zaloId = delivered.messages[0]?.messageId ?? "";
    expect(zaloId).not.toBe("");
    await feed(event("oa_send_text", { msgId: zaloId, text: "re u1" }));
    clock.advance(60_000);
    await h.drain();
    const after = await fetch(`${h.standin.url}/__messages`).then((r) => r.json() as Promise<{ messages: unknown[] }>);
    expect(after.messages).toHaveLength(1);
    expect(await db.get("SELECT state, zalo_message_id FROM zalo_outbox")).toEqual({ state: "sent", zalo_message_id: zaloId });
    expect((await h.module.conversations.get(USER))?.owner).toBe("bot");
  }, 20_000);

  it("when a text carries NUL or broken surrogates, then it is stored without them (PostgreSQL TEXT refuses NUL)", async () => {
    expect(await feed(event("user_send_text", { msgId: "nul1", text: "a\u0000b\ud800c" }))).toEqual({ kind: "done", replies: 1 });
    const [m] = await h.module.conversations.messages(USER);
    expect(m?.text?.startsWith("ab")).toBe(true);
  });

  it("delivery receipts mark our messages delivered, then seen, never backwards", async () => {
    await feed(event("user_send_text", { msgId: "u1" }));
    await h.drain();
    const ours = (await h.module.conversations.messages(USER))[1]?.zaloMsgId ?? "";
    clock.advance(1_000);
    await feed(event("user_seen_message", { msgIds: [ours], timestamp: "1764316801000" }));
    clock.advance(1_000);
    await feed(event("user_received_message", { msgIds: [ours], timestamp: "1764316802000" }));
    const m = (await h.module.conversations.messages(USER))[1];
    expect(m?.seenAt).toBe("2025-11-28T08:00:06.000Z");
    expect(m?.deliveredAt).toBe("2025-11-28T08:00:06.000Z");
  });

  it("follow, unfollow, chat-now and submitted info are recorded; submitted values are not copied", async () => {
    await feed(event("follow"));
    expect((await h.module.conversations.get(USER))?.following).toBe(true);
    await feed(event("user_click_chatnow"));
    await feed(event("user_submit_info"));
    await feed(event("unfollow", { timestamp: "1764316809999" }));
    expect((await h.module.conversations.get(USER))?.following).toBe(false);
    const messages = await h.module.conversations.messages(USER);
    expect(messages.map((m) => m.kind)).toEqual(["follow", "click_chatnow", "submit_info", "unfollow"]);
    expect(JSON.stringify(messages)).not.toContain("0912345678");
    expect(JSON.stringify(messages)).not.toContain("Nguyễn Văn An");
    expect(messages[2]?.payload).toEqual({ fields: ["name", "phone", "address", "city", "district", "ward"] });
    expect(asked).toEqual(["follow", "user_click_chatnow", "user_submit_info"]);
  });

  it("events of one user are handled one at a time in arrival order, other users in parallel", async () => {
    for (const [i, user] of [USER, USER, OTHER, USER].entries()) {
      const res = await h.post(event("user_send_text", { ids: { userId: user }, msgId: `o${i}`, text: `t${i}`, timestamp: String(1764316800000 + i) }));
      expect(res.status).toBe(200);
    }
    const first = await h.module.inboxWorker.drainOnce();
    expect(first).toBe(2); // USER's first event and OTHER's: never two of USER's at once
    await h.drain();
    const texts = (await h.module.conversations.messages(USER)).filter((m) => m.direction === "in").map((m) => m.text);
    expect(texts).toEqual(["t0", "t1", "t3"]);
    const sent = await fetch(`${h.standin.url}/__messages?user_id=${USER}`).then((r) => r.json() as Promise<{ messages: Array<{ message: { text: string } }> }>);
    expect(sent.messages.map((m) => m.message.text)).toEqual(["re o0", "re o1", "re o3"]);
  });

  it("when a handler keeps failing, then the event is retried, set aside, and the user's next event goes on", async () => {
    let failures = 0;
    await h.stop();
    const flaky: Bot = {
      async handle(e) {
        if (e.event_name === "user_send_text" && (e.message.text ?? "") === "boom") {
          failures++;
          throw new Error("bot exploded");
        }
        return [];
      },
    };
    h = await startZaloHarness({ db, now: clock.now, bot: flaky, tuning: { maxInboxAttempts: 3 } });
    await h.post(event("user_send_text", { msgId: "b1", text: "boom" }));
    await h.post(event("user_send_text", { msgId: "b2", text: "fine", timestamp: "1764316800001" }));
    for (let i = 0; i < 10; i++) {
      clock.advance(1_000);
      await h.module.inboxWorker.drainUntilIdle();
    }
    expect(failures).toBe(3);
    const rows = await db.all<{ state: string; attempts: number }>("SELECT state, attempts FROM zalo_inbox ORDER BY id");
    expect(rows).toEqual([
      { state: "failed", attempts: 3 },
      { state: "done", attempts: 1 },
    ]);
    const problems = await h.module.problems();
    expect(problems.events.map((e) => e.lastError)).toEqual(["Error: bot exploded"]);
  });

  it("when the bot answers a long text, then it is split into pieces sent in order", async () => {
    await h.stop();
    const long = `${"Dòng hướng dẫn khai báo. ".repeat(120)}\n\n${"Phần hai. ".repeat(150)}`;
    const bot: Bot = { handle: async (e) => (e.event_name === "user_send_text" ? [{ type: "text", text: long }] : []) };
    h = await startZaloHarness({ db, now: clock.now, bot });
    await feed(event("user_send_text", { msgId: "l1" }));
    await h.drain();
    const sent = await fetch(`${h.standin.url}/__messages`).then((r) => r.json() as Promise<{ messages: Array<{ message: { text: string } }> }>);
    const pieces = sent.messages.map((m) => m.message.text);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.length <= 2000)).toBe(true);
    expect(pieces.join(" ").replace(/\s+/g, " ")).toBe(long.trim().replace(/\s+/g, " "));
  });
});

describe.each(openTestDatabases({ migrate: true }))("echoes over real HTTP ($name)", ({ open }) => {
  let db: Database;
  let h: ZaloHarness;
  let server: Server;
  beforeEach(async () => {
    db = await open();
    h = await startZaloHarness({ db, tuning: { pollMs: 20 } });
    server = await new Promise<Server>((resolve) => {
      const s = h.app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo`;
    await h.control({ webhookUrl: url, echo: true, echoBeforeResponse: true });
    h.module.start();
  });
  afterEach(async () => {
    await h.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
  });

  it("when Zalo's echo reaches us before the answer to our send, then it is still ours and the bot keeps the chat", async () => {
    const delivered = await fetch(`${h.standin.url}/__deliver`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event_name: "user_send_text", user_id: USER, text: "Xin chào" }),
    }).then((r) => r.json() as Promise<{ status: number }>);
    expect(delivered.status).toBe(200);
    const deadline = Date.now() + 10_000;
    let states: string[] = [];
    while (Date.now() < deadline) {
      states = (await db.all<{ event_name: string; state: string }>("SELECT event_name, state FROM zalo_inbox ORDER BY id")).map((r) => `${r.event_name}:${r.state}`);
      if (states.length === 2 && states.every((s) => s.endsWith(":done"))) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(states).toEqual(["user_send_text:done", "oa_send_text:done"]);
    expect((await h.module.conversations.get(USER))?.owner).toBe("bot");
    const messages = await h.module.conversations.messages(USER);
    expect(messages.map((m) => [m.author, m.state])).toEqual([
      ["user", "received"],
      ["bot", "sent"],
    ]);
    // The default bot answers a greeting with its menu (never the user's words), led by the mini app button.
    expect(messages[1]?.text).not.toContain("Xin chào");
    expect((messages[1]?.payload as { buttons: unknown[] }).buttons[0]).toEqual({ type: "open_url", title: "Khai báo di chuyển", url: `https://zalo.me/s/${TEST_IDENTITY.miniAppId}/` });
  });
});
