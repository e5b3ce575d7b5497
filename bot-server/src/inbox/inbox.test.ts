import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  cannedAnswerResponseSchema,
  inboxContactResponseSchema,
  inboxListResponseSchema,
  inboxThreadResponseSchema,
  STAFF_CSRF_HEADER,
  zaloEventSchema,
  type ConsoleEventPayload,
} from "@khaibao/shared";
import { createChatBot } from "../bot/chat-bot";
import { loadFaq } from "../bot/faq";
import { DEFAULT_SUPPORT_HOURS, parseSupportHours } from "../bot/hours";
import { declareButton } from "../bot/index";
import { ConversationRepository } from "../conversations/repository";
import { seedCheckpoints, storeDeclaration, testCipher } from "../declarations/testing";
import type { FieldCipher } from "../privacy";
import { as, staffTestApp, type SignedIn, type StaffTestApp } from "../staff/testing";
import type { Database } from "../storage";
import { openTestDatabases } from "../storage/testing";
import { event, manualClock, startZaloHarness, TEST_IDENTITY, type ZaloHarness } from "../zalo/oa/testing";
import { createInboxFeature, type InboxFeature } from "./index";
import type { EventStreams } from "./routes/events";

/**
 * The support inbox's API end to end, in-process: the real webhook pipeline with the chat-bot,
 * the real outgoing queue and worker against the OA stand-in, and the staff routes behind the
 * real session and CSRF checks.
 */

const CITIZEN = "8123456789012345678";
const OTHER_CITIZEN = "8123456789012345999";
/** Friday 28 Nov 2025, 15:00 in Hanoi: the default desk is open. */
const FRIDAY_AFTERNOON = Date.parse("2025-11-28T15:00:00+07:00");

describe.each(openTestDatabases({ migrate: true }))("support inbox API ($name)", ({ open }) => {
  let db: Database;
  let cipher: FieldCipher;
  let h: ZaloHarness;
  let feature: InboxFeature;
  let streams: EventStreams;
  let t: StaffTestApp;
  let agentA: SignedIn;
  let agentB: SignedIn;
  let supervisor: SignedIn;
  let officer: SignedIn;
  let agentAId: string;
  let botAsked: number;
  let n = 0;
  const clock = manualClock(FRIDAY_AFTERNOON);

  beforeEach(async () => {
    clock.t = FRIDAY_AFTERNOON;
    db = await open();
    cipher = await testCipher();
    await seedCheckpoints(db);
    // A short heartbeat: the stream notices an ended session quickly.
    feature = createInboxFeature({ db, cipher, faq: loadFaq(), logger: { warn: () => {} }, now: clock.now, heartbeatMs: 50 });
    const chatBot = createChatBot({
      faq: loadFaq(),
      hours: parseSupportHours(DEFAULT_SUPPORT_HOURS),
      declareButton: declareButton({ NODE_ENV: "test", ZALO_MINI_APP_ID: TEST_IDENTITY.miniAppId, PUBLIC_BASE_URL: undefined }),
      conversations: new ConversationRepository(db),
      db,
      now: clock.now,
      deskHours: feature.deskHours,
    });
    botAsked = 0;
    h = await startZaloHarness({
      db,
      now: clock.now,
      bot: {
        handle: (...args) => {
          botAsked++;
          return chatBot.handle(...args);
        },
      },
      hooks: { middleware: [feature.middleware], onEventCommitted: feature.onEventCommitted, onOutboundSettled: feature.onOutboundSettled },
    });
    const routes = feature.routes({
      conversations: h.module.conversations,
      outbound: h.module.outbound,
      send: h.module.send,
      wakeSender: () => h.module.outboundWorker.wake(),
      profile: (userId) => h.module.api.getUserProfile(userId),
    });
    streams = routes.streams;
    t = staffTestApp(db, { routes: routes.routers, now: clock.now });
    agentAId = await t.account("agent-a", "agent");
    await t.account("agent-b", "agent");
    await t.account("sup", "supervisor");
    await t.account("officer", "checkpoint_officer");
    agentA = await t.login("agent-a");
    agentB = await t.login("agent-b");
    supervisor = await t.login("sup");
    officer = await t.login("officer");
  });
  afterEach(async () => {
    streams.dropAll();
    await h.stop();
    await db.close();
  });

  /** A citizen's event through the real pipeline (as the inbox worker runs it). */
  const citizen = async (text: string, user = CITIZEN) => {
    const outcome = await h.module.pipeline.process(zaloEventSchema.parse(event("user_send_text", { msgId: `m${++n}`, text, ids: { userId: user, userIdByApp: `9${user.slice(1)}` } })));
    expect(outcome.kind).toBe("done");
    clock.advance(1_000);
  };
  /** What the OA stand-in received for a user: the only proof a message left. */
  const sentTo = async (user = CITIZEN): Promise<string[]> => {
    await h.drain();
    const res = (await (await fetch(`${h.standin.url}/__messages?user_id=${user}`)).json()) as { messages: Array<{ message: { text?: string } }> };
    return res.messages.map((m) => m.message.text ?? "");
  };
  const list = async (who: SignedIn, query = "") => {
    const res = await as(t.app, who, "get", `/api/staff/inbox/conversations${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return inboxListResponseSchema.parse(res.body);
  };
  const thread = async (who: SignedIn, user = CITIZEN) => {
    const res = await as(t.app, who, "get", `/api/staff/inbox/conversations/${user}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return inboxThreadResponseSchema.parse(res.body);
  };
  const post = (who: SignedIn, path: string, body: unknown = {}) => as(t.app, who, "post", `/api/staff/inbox/conversations/${CITIZEN}${path}`).send(body as object);

  it("when a citizen asks for a person, then the conversation waits unassigned; an agent takes it, replies and notes; only the reply reaches Zalo and the bot stays quiet until it is resolved", async () => {
    await citizen("xin chào");
    expect((await list(agentA, "?view=unassigned")).conversations).toEqual([]);
    expect((await list(agentA, "?view=all&status=pending")).conversations.map((c) => c.userId)).toEqual([CITIZEN]);

    await citizen("gặp nhân viên");
    const handed = await list(agentA, "?view=unassigned");
    expect(handed.conversations).toHaveLength(1);
    expect(handed.conversations[0]).toMatchObject({ userId: CITIZEN, status: "open", owner: "human", assigneeId: null });
    expect(handed.counts).toEqual({ mine: 0, unassigned: 1, all: 1 });
    const botBefore = (await sentTo()).length;
    expect(botBefore).toBe(2); // the answer to "xin chào" and the handoff message

    expect((await post(agentA, "/take")).status).toBe(204);
    expect((await list(agentA, "?view=mine")).conversations.map((c) => [c.userId, c.assigneeId])).toEqual([[CITIZEN, agentAId]]);

    // While a person owns it, the citizen's messages are recorded and the bot is not asked.
    const askedBefore = botAsked;
    await citizen("tôi bị mất phiếu khai báo");
    expect(botAsked).toBe(askedBefore);
    const waiting = (await list(agentA, "?view=mine")).conversations[0];
    expect(waiting?.waitingSince).not.toBeNull();
    expect(waiting?.unread).toBeGreaterThan(0);

    expect((await post(agentA, "/replies", { text: "Chào anh, em kiểm tra ngay." })).status).toBe(200);
    expect((await post(agentA, "/notes", { text: "Ghi chú nội bộ: đã gọi điện" })).status).toBe(200);
    expect(await sentTo()).toHaveLength(botBefore + 1);
    expect((await sentTo()).at(-1)).toBe("Chào anh, em kiểm tra ngay.");
    expect((await sentTo()).join("\n")).not.toContain("Ghi chú nội bộ");

    const shown = await thread(agentA);
    expect(shown.notes.map((note) => note.text)).toEqual(["Ghi chú nội bộ: đã gọi điện"]);
    expect(shown.messages.at(-1)).toMatchObject({ author: "staff", staffName: "Cán bộ agent-a", delivery: "sent", text: "Chào anh, em kiểm tra ngay." });
    expect(shown.messages.map((m) => m.author)).toEqual(["user", "bot", "user", "bot", "user", "staff"]);
    expect((await list(agentA, "?view=mine")).conversations[0]?.waitingSince).toBeNull();

    expect((await post(agentA, "/resolve")).status).toBe(204);
    expect((await list(agentA, "?view=all&status=resolved")).conversations.map((c) => c.status)).toEqual(["resolved"]);
    await citizen("cảm ơn, cho hỏi khai báo ở đâu");
    // Reopened: the bot owns it again and answered.
    expect(botAsked).toBe(askedBefore + 1);
    expect((await sentTo()).length).toBe(botBefore + 2);
    expect((await list(agentA, "?view=all&status=pending")).conversations.map((c) => c.userId)).toEqual([CITIZEN]);
  });

  it("when staff took the conversation over after the pipeline read it, then the bot's reply is not committed and the event runs again without the bot", async () => {
    await citizen("xin chào");
    const first = (await sentTo()).length;
    // The pipeline reads the conversation (owned by the bot), then staff take it before the commit.
    const seen = await h.module.conversations.get(CITIZEN);
    expect(seen?.owner).toBe("bot");
    const slow = createChatBot({
      faq: loadFaq(),
      hours: parseSupportHours(DEFAULT_SUPPORT_HOURS),
      declareButton: declareButton({ NODE_ENV: "test", ZALO_MINI_APP_ID: TEST_IDENTITY.miniAppId, PUBLIC_BASE_URL: undefined }),
      conversations: new ConversationRepository(db),
      db,
      now: clock.now,
    });
    const racing = await startZaloHarness({
      db,
      now: clock.now,
      standin: h.standin,
      bot: {
        async handle(...args) {
          // Staff take over while the bot is composing its answer.
          expect((await post(agentA, "/take")).status).toBe(204);
          return slow.handle(...args);
        },
      },
    });
    try {
      const outcome = await racing.module.pipeline.process(zaloEventSchema.parse(event("user_send_text", { msgId: "race-1", text: "menu", ids: { userId: CITIZEN } })));
      expect(outcome.kind).toBe("deferred");
      const again = await racing.module.pipeline.process(zaloEventSchema.parse(event("user_send_text", { msgId: "race-1", text: "menu", ids: { userId: CITIZEN } })));
      expect(again.kind).toBe("done");
      await racing.drain();
    } finally {
      await racing.stop();
    }
    expect((await sentTo()).length).toBe(first);
    expect((await thread(agentA)).messages.filter((m) => m.author === "bot")).toHaveLength(1);
  });

  it("when someone replies from Zalo's OA admin (an echo we did not send), then the chat is open for a person, the echo is in the thread and the bot is quiet", async () => {
    await citizen("xin chào");
    const outcome = await h.module.pipeline.process(zaloEventSchema.parse(event("oa_send_text", { msgId: "admin-echo-1", text: "Chào bạn, mình là admin OA", ids: { userId: CITIZEN } })));
    expect(outcome.kind).toBe("done");
    expect((await list(agentA, "?view=unassigned")).conversations.map((c) => [c.userId, c.status])).toEqual([[CITIZEN, "open"]]);
    expect((await thread(agentA)).messages.at(-1)).toMatchObject({ author: "oa_admin", direction: "out", text: "Chào bạn, mình là admin OA" });
    const asked = botAsked;
    await citizen("cảm ơn admin");
    expect(botAsked).toBe(asked);
  });

  it("when an agent asks for another agent's conversation, then it is not found, and nothing of it is changed", async () => {
    await citizen("gặp nhân viên");
    expect((await post(agentA, "/take")).status).toBe(204);
    for (const [method, path, body] of [
      ["get", "", undefined],
      ["get", "/contact", undefined],
      ["post", "/take", {}],
      ["post", "/replies", { text: "xin chào" }],
      ["post", "/notes", { text: "note" }],
      ["post", "/resolve", {}],
      ["post", "/hand-back", {}],
      ["post", "/reveal", { declarationId: "x", reason: "kiểm tra thông tin" }],
    ] as const) {
      const res = await as(t.app, agentB, method, `/api/staff/inbox/conversations/${CITIZEN}${path}`).send(body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe("inbox.conversation_not_found");
    }
    expect((await list(agentB, "?view=all")).conversations).toEqual([]);
    expect((await list(agentB, "?view=all")).counts).toEqual({ mine: 0, unassigned: 0, all: 0 });
    // A supervisor sees it and may reassign it.
    expect((await list(supervisor, "?view=all")).conversations.map((c) => c.assigneeId)).toEqual([agentAId]);
    expect((await as(t.app, agentB, "post", `/api/staff/inbox/conversations/${CITIZEN}/assign`).send({ assigneeId: null })).status).toBe(403);
    expect((await as(t.app, supervisor, "post", `/api/staff/inbox/conversations/${CITIZEN}/assign`).send({ assigneeId: null })).status).toBe(204);
    expect((await list(agentB, "?view=unassigned")).conversations.map((c) => c.userId)).toEqual([CITIZEN]);
    expect((await thread(agentA)).conversation.owner).toBe("human");
  });

  it("when a state-changing inbox route is called without the CSRF token, then it is refused with 403", async () => {
    await citizen("gặp nhân viên");
    const calls: Array<["post" | "patch" | "delete", string]> = [
      ["post", `/inbox/conversations/${CITIZEN}/take`],
      ["post", `/inbox/conversations/${CITIZEN}/assign`],
      ["post", `/inbox/conversations/${CITIZEN}/hand-back`],
      ["post", `/inbox/conversations/${CITIZEN}/resolve`],
      ["post", `/inbox/conversations/${CITIZEN}/read`],
      ["post", `/inbox/conversations/${CITIZEN}/labels`],
      ["post", `/inbox/conversations/${CITIZEN}/desk`],
      ["post", `/inbox/conversations/${CITIZEN}/replies`],
      ["post", `/inbox/conversations/${CITIZEN}/notes`],
      ["post", `/inbox/conversations/${CITIZEN}/messages/1/retry`],
      ["post", `/inbox/conversations/${CITIZEN}/reveal`],
      ["post", "/inbox/canned"],
      ["patch", "/inbox/canned/1"],
      ["delete", "/inbox/canned/1"],
      ["post", "/inbox/desks"],
    ];
    for (const [method, path] of calls) {
      const res = await as(t.app, supervisor, method, `/api/staff${path}`, { csrf: false }).send({ text: "x", assigneeId: null, read: true, labels: [], deskId: null });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code, `${method} ${path}`).toBe("staff.csrf_invalid");
      const forged = await as(t.app, supervisor, method, `/api/staff${path}`, { csrf: false }).set(STAFF_CSRF_HEADER, "forged-token").send({});
      expect(forged.status, `${method} ${path} with a forged token`).toBe(403);
    }
    expect((await sentTo()).some((text) => text === "x")).toBe(false);
    expect((await thread(supervisor)).conversation.assigneeId).toBeNull();
  });

  it("when a checkpoint officer calls the inbox, then every route is forbidden (403)", async () => {
    for (const [method, path] of [
      ["get", "/inbox/conversations"],
      ["get", `/inbox/conversations/${CITIZEN}`],
      ["post", `/inbox/conversations/${CITIZEN}/replies`],
      ["get", "/inbox/canned"],
      ["get", "/events"],
    ] as const) {
      const res = await as(t.app, officer, method, `/api/staff${path}`).send({ text: "x" });
      expect(res.status, path).toBe(403);
    }
  });

  it("when the session cookie is set, then it is HttpOnly, SameSite and path-scoped (and Secure with the __Host- prefix in production)", async () => {
    const dev = agentA.setCookie;
    expect(dev).toMatch(/HttpOnly/i);
    expect(dev).toMatch(/SameSite=(Strict|Lax)/i);
    expect(dev).toMatch(/Path=\//i);
    const prod = staffTestApp(db, { production: true, routes: [] });
    await prod.account("prod-agent", "agent");
    const res = await (await import("supertest")).default(prod.app).post("/api/staff/login").send({ username: "prod-agent", password: "correct horse battery" });
    const cookie = (res.headers["set-cookie"] as unknown as string[])[0] ?? "";
    expect(cookie).toMatch(/^__Host-/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it("when a citizen shared name and phone and declared, then the contact shows them, declarations masked; a reveal needs a reason and is audited", async () => {
    const appUserId = `9${CITIZEN.slice(1)}`;
    await h.module.pipeline.process(
      zaloEventSchema.parse({ ...event("user_submit_info", { ids: { userId: CITIZEN, userIdByApp: appUserId } }), info: { name: "Nguyễn Văn An", phone: "0912 345 678" } }),
    );
    const declaration = await storeDeclaration(db, cipher, clock.now(), { zaloUserId: appUserId });
    await citizen("gặp nhân viên");
    await storeDeclaration(db, cipher, clock.now(), { zaloUserId: "1111" }); // someone else's

    const contact = inboxContactResponseSchema.parse((await as(t.app, agentA, "get", `/api/staff/inbox/conversations/${CITIZEN}/contact`)).body);
    expect(contact).toMatchObject({ sharedName: "Nguyễn Văn An", phone: "+84912345678", lastCheckpoint: expect.stringContaining("Pháp Vân") });
    expect(contact.declarations).toHaveLength(1);
    expect(contact.declarations[0]).toMatchObject({ id: declaration.id, holderNameMasked: declaration.holderNameMasked, holderIdMasked: declaration.holderIdMasked });
    expect(contact.declarations[0]?.holderIdMasked).toMatch(/^\*+\d{3}$/);

    // The database holds neither the name nor the phone in clear.
    const raw = JSON.stringify(await db.all("SELECT * FROM support_conversations"));
    expect(raw).not.toContain("Nguyễn");
    expect(raw).not.toContain("+84912345678");
    expect(raw).not.toContain("0912345678");

    const noReason = await post(agentA, "/reveal", { declarationId: declaration.id, reason: "" });
    expect(noReason.status).toBe(400);
    expect(await db.all("SELECT id FROM staff_audit_log WHERE action = 'inbox.declaration_revealed'")).toEqual([]);
    const revealed = await post(agentA, "/reveal", { declarationId: declaration.id, reason: "Công dân hỏi lại số CCCD đã khai" });
    expect(revealed.status).toBe(200);
    expect(JSON.stringify(revealed.body.record)).toContain("idNumber");
    const audit = await db.all<{ actor_username: string; target_id: string; reason: string }>(
      "SELECT actor_username, target_id, reason FROM staff_audit_log WHERE action = 'inbox.declaration_revealed'",
    );
    expect(audit).toEqual([{ actor_username: "agent-a", target_id: declaration.id, reason: "Công dân hỏi lại số CCCD đã khai" }]);
    // Another citizen's declaration cannot be revealed through this conversation.
    const other = await db.get<{ id: string }>("SELECT id FROM declarations WHERE zalo_user_id = '1111'");
    expect((await post(agentA, "/reveal", { declarationId: other?.id, reason: "tò mò xem thử" })).status).toBe(404);

    // Search by name (any accents), phone (any format) and receipt code, through the blind indexes.
    for (const q of ["nguyen van an", "NGUYỄN VĂN AN", "+84 912 345 678", "0912345678", declaration.receiptCode]) {
      expect((await list(agentA, `?view=all&status=any&q=${encodeURIComponent(q)}`)).conversations.map((c) => c.userId), q).toEqual([CITIZEN]);
    }
    expect((await list(agentA, `?view=all&status=any&q=${encodeURIComponent("Trần Thị B")}`)).conversations).toEqual([]);
  });

  it("when a citizen writes, then their Zalo display name is learned once from the OA API, sealed, shown and searchable", async () => {
    await h.control({ profiles: { [CITIZEN]: { displayName: "Lê Thị Hoa" } } });
    await citizen("gặp nhân viên");
    for (let i = 0; i < 100 && !(await db.get("SELECT user_id FROM support_conversations WHERE zalo_name_sealed IS NOT NULL")); i++) await new Promise((r) => setTimeout(r, 20));
    expect((await list(agentA, "?view=unassigned")).conversations[0]?.displayName).toBe("Lê Thị Hoa");
    expect(inboxContactResponseSchema.parse((await as(t.app, agentA, "get", `/api/staff/inbox/conversations/${CITIZEN}/contact`)).body).displayName).toBe("Lê Thị Hoa");
    expect(JSON.stringify(await db.all("SELECT * FROM support_conversations"))).not.toContain("Hoa");
    expect((await list(agentA, `?view=all&status=any&q=${encodeURIComponent("le thi hoa")}`)).conversations.map((c) => c.userId)).toEqual([CITIZEN]);
  });

  it("when staff mark a conversation read or unread and label it, then counts and labels follow", async () => {
    await citizen("gặp nhân viên");
    await citizen("alo");
    const before = await list(agentA, "?view=unassigned");
    expect(before.conversations[0]?.unread).toBe(2);
    expect(before.unread).toBe(2);
    expect((await post(agentA, "/read", { read: true })).status).toBe(204);
    expect((await list(agentA, "?view=unassigned")).conversations[0]?.unread).toBe(0);
    // Another person's read marker is their own.
    expect((await list(supervisor, "?view=unassigned")).conversations[0]?.unread).toBe(2);
    expect((await post(agentA, "/read", { read: false })).status).toBe(204);
    expect((await list(agentA, "?view=unassigned")).conversations[0]?.unread).toBe(1);

    expect((await post(agentA, "/labels", { labels: ["Mất phiếu", "gấp"] })).body).toEqual({ labels: ["gấp", "mất phiếu"] });
    expect((await list(agentA, `?view=all&label=${encodeURIComponent("gấp")}`)).conversations.map((c) => c.labels)).toEqual([["gấp", "mất phiếu"]]);
    expect((await list(agentA, "?view=all&label=khac")).conversations).toEqual([]);
    expect((await post(agentA, "/labels", { labels: ["<script>"] })).status).toBe(400);
  });

  it("when Zalo refuses a reply (outside the 7-day window), then the thread shows it failed with Zalo's reason, and a retry sends it", async () => {
    await citizen("gặp nhân viên");
    await h.drain();
    await h.control({ faults: [{ endpoint: "message", error: -230, message: "User has not interacted with the OA in the last 7 days", times: 1 }] });
    expect((await post(agentA, "/replies", { text: "Anh còn cần hỗ trợ không?" })).status).toBe(200);
    await h.drain();
    const failed = (await thread(agentA)).messages.at(-1);
    expect(failed).toMatchObject({ author: "staff", delivery: "failed", zaloCode: -230 });
    expect(failed?.reason).toBeTruthy();
    expect(await sentTo()).not.toContain("Anh còn cần hỗ trợ không?");

    expect((await post(agentA, `/messages/${failed?.id}/retry`)).status).toBe(204);
    expect(await sentTo()).toContain("Anh còn cần hỗ trợ không?");
    expect((await thread(agentA)).messages.at(-1)).toMatchObject({ delivery: "sent", zaloCode: null });
    expect((await post(agentA, `/messages/${failed?.id}/retry`)).status).toBe(409);
  });

  it("when supervisors manage canned answers, then agents can search but not change them", async () => {
    const created = await as(t.app, supervisor, "post", "/api/staff/inbox/canned").send({ shortcut: "chao", title: "Lời chào", body: "Chào {ten}, về điểm chốt {diem_chot}..." });
    expect(created.status).toBe(201);
    const answer = cannedAnswerResponseSchema.parse(created.body).answer;
    expect((await as(t.app, supervisor, "post", "/api/staff/inbox/canned").send({ shortcut: "chao", title: "Trùng", body: "x" })).status).toBe(409);
    expect((await as(t.app, agentA, "post", "/api/staff/inbox/canned").send({ shortcut: "moi", title: "x", body: "y" })).status).toBe(403);
    expect((await as(t.app, agentA, "get", "/api/staff/inbox/canned?q=lời").send()).body.answers.map((a: { shortcut: string }) => a.shortcut)).toEqual(["chao"]);
    expect((await as(t.app, agentA, "get", "/api/staff/inbox/canned?q=khong-co").send()).body.answers).toEqual([]);
    expect((await as(t.app, supervisor, "patch", `/api/staff/inbox/canned/${answer.id}`).send({ shortcut: "chao", title: "Chào hỏi", body: "Chào {name}" })).body.answer.title).toBe("Chào hỏi");
    expect((await as(t.app, agentA, "delete", `/api/staff/inbox/canned/${answer.id}`).send()).status).toBe(403);
    expect((await as(t.app, supervisor, "delete", `/api/staff/inbox/canned/${answer.id}`).send()).status).toBe(204);
    expect((await as(t.app, agentA, "get", "/api/staff/inbox/canned").send()).body.answers).toEqual([]);
    expect((await as(t.app, agentA, "get", "/api/staff/inbox/faq").send()).body.entries.length).toBeGreaterThan(3);
  });

  it("when a conversation's desk is closed, then the bot's handoff answers with that desk's out-of-hours reply; the default desk keeps SUPPORT_HOURS", async () => {
    // Friday 15:00: the default desk (Mon-Fri 07:30-17:00) is open.
    await citizen("gặp nhân viên", OTHER_CITIZEN);
    expect((await sentTo(OTHER_CITIZEN)).at(-1)).toContain("Đã chuyển cho nhân viên hỗ trợ");
    expect((await sentTo(OTHER_CITIZEN)).at(-1)).not.toContain("ngoài giờ");

    const desk = await as(t.app, supervisor, "post", "/api/staff/inbox/desks").send({ id: "hoan-kiem", name: "Bàn Hoàn Kiếm", hours: "mon-fri 07:30-11:00", outOfHoursText: "Bàn Hoàn Kiếm đang ngoài giờ, sáng mai 07:30 chúng tôi trả lời." });
    expect(desk.status).toBe(200);
    expect((await as(t.app, supervisor, "post", "/api/staff/inbox/desks").send({ id: "sai", name: "Sai", hours: "mon-fri 25:00-26:00" })).status).toBe(400);
    await citizen("xin chào");
    expect((await post(supervisor, "/desk", { deskId: "hoan-kiem" })).status).toBe(204);
    await citizen("gặp nhân viên");
    expect((await sentTo()).at(-1)).toContain("Bàn Hoàn Kiếm đang ngoài giờ");

    // Nobody set a desk: the checkpoint of the citizen's latest declaration picks it.
    const THIRD = "8123456789012345111";
    const desk2 = await as(t.app, supervisor, "post", "/api/staff/inbox/desks").send({ id: "phap-van", name: "Bàn Pháp Vân", hours: "sat-sun 08:00-09:00", outOfHoursText: "Bàn Pháp Vân nghỉ, sẽ trả lời sáng thứ Bảy.", checkpointIds: ["HN-PHAPVAN"] });
    expect(desk2.status).toBe(200);
    await storeDeclaration(db, cipher, clock.now(), { zaloUserId: `9${THIRD.slice(1)}`, checkpointId: "HN-PHAPVAN" });
    await citizen("gặp nhân viên", THIRD);
    expect((await sentTo(THIRD)).at(-1)).toContain("Bàn Pháp Vân nghỉ");
  });

  it("when something happens in the inbox, then an open event stream tells the agent, but not about another agent's conversation", async () => {
    const server = http.createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const received: ConsoleEventPayload[] = [];
    let buffer = "";
    const openStream = (who: SignedIn) =>
      new Promise<http.IncomingMessage>((resolve, reject) => {
        const req = http.get({ host: "127.0.0.1", port, path: "/api/staff/events", headers: { Cookie: who.cookie, Accept: "text/event-stream" } }, resolve);
        req.on("error", reject);
      });
    try {
      const res = await openStream(agentB);
      expect(res.statusCode).toBe(200);
      // One reader for the whole stream (a stream left without a listener drops what arrives).
      let wake: (() => void) | undefined;
      res.on("data", (chunk: Buffer) => {
        buffer += chunk.toString("utf8");
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split("\n").find((l) => l.startsWith("data: "));
          if (data) received.push(JSON.parse(data.slice(6)) as ConsoleEventPayload);
        }
        wake?.();
      });
      /** Resolves once an event matching `want` has arrived after this call (the name lookup adds "conversation" events of its own). */
      const next = (want: (e: ConsoleEventPayload) => boolean) => {
        const from = received.length;
        return new Promise<ConsoleEventPayload>((resolve) => {
          wake = () => {
            const hit = received.slice(from).find(want);
            if (hit) resolve(hit);
          };
        });
      };
      const isMessage = (e: ConsoleEventPayload) => e.type === "message";
      let arrived = next(isMessage);
      await citizen("gặp nhân viên");
      expect(await arrived).toEqual({ type: "message", userId: CITIZEN, direction: "in" });

      // Agent A takes it: B hears the change (it leaves the unassigned list), then no more messages of it.
      const taken = next((e) => e.type === "conversation" && e.userId === CITIZEN);
      expect((await post(agentA, "/take")).status).toBe(204);
      await taken;
      const count = received.length;
      arrived = next((e) => isMessage(e) && e.userId === OTHER_CITIZEN);
      await citizen("alo");
      await citizen("hello", OTHER_CITIZEN); // the bot's chat: no event
      await citizen("gặp nhân viên", OTHER_CITIZEN);
      await arrived;
      expect(received.slice(count).filter(isMessage)).toEqual([{ type: "message", userId: OTHER_CITIZEN, direction: "in" }]);
      expect(streams.count()).toBe(1);
      streams.dropAll();
      await new Promise((resolve) => res.once("close", resolve));
      expect(streams.count()).toBe(0);

      // A session ended elsewhere (sign-out) ends its open stream at the next heartbeat.
      const second = await openStream(agentA);
      expect(second.statusCode).toBe(200);
      second.resume();
      const closed = new Promise((resolve) => second.once("close", resolve));
      expect((await as(t.app, agentA, "post", "/api/staff/logout").send({})).status).toBeLessThan(300);
      await closed;

      // Without the event-stream Accept header, nothing is held open.
      expect((await as(t.app, agentB, "get", "/api/staff/events")).status).toBe(406);
    } finally {
      streams.dropAll();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
