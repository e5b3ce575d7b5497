import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConversationRepository } from "../conversations/repository";
import { testCipher } from "../declarations/testing";
import type { Database } from "../storage";
import { openTestDatabases } from "../storage/testing";
import { CannedAnswerRepository } from "./canned";
import { nameIndexOf, phoneIndexOf, sealContact } from "./contact";
import { DeskRepository } from "./desks";
import { InboxRepository } from "./repository";

const A = "2468458835296197922";
const B = "2468458835296197923";
const t0 = new Date("2025-11-28T08:00:00.000Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const AGENT = { staffId: "agent-1", seeAll: false };
const OTHER = { staffId: "agent-2", seeAll: false };
const SUPERVISOR = { staffId: "sup-1", seeAll: true };

describe.each(openTestDatabases({ migrate: true }))("support inbox storage ($name)", ({ open }) => {
  let db: Database;
  let inbox: InboxRepository;
  let conversations: ConversationRepository;
  beforeEach(async () => {
    db = await open();
    inbox = new InboxRepository(db);
    conversations = new ConversationRepository(db);
  });
  afterEach(() => db.close());

  it("status follows the owner and the resolution; views split mine, unassigned and all by who sees what", async () => {
    await conversations.recordInbound(db, { userId: A, kind: "text", text: "gặp nhân viên", zaloMsgId: "a1", at: at(0) });
    await conversations.recordInbound(db, { userId: B, kind: "text", text: "xin chào", zaloMsgId: "b1", at: at(1) });
    expect((await inbox.list({ view: "all", status: "pending" }, AGENT)).map((c) => c.userId)).toEqual([B, A]);

    await conversations.setOwner(db, A, "human", "citizen_asked", at(2));
    expect((await inbox.list({ view: "unassigned", status: "open" }, AGENT)).map((c) => c.userId)).toEqual([A]);
    await inbox.assign(db, A, AGENT.staffId, at(3));
    expect((await inbox.list({ view: "mine", status: "open" }, AGENT)).map((c) => c.userId)).toEqual([A]);
    expect(await inbox.list({ view: "all", status: "open" }, OTHER)).toEqual([]);
    expect((await inbox.list({ view: "all", status: "open" }, SUPERVISOR)).map((c) => c.assigneeId)).toEqual([AGENT.staffId]);
    expect(await inbox.counts(AGENT)).toMatchObject({ mine: 1, unassigned: 0, all: 1 });
    expect(await inbox.counts(OTHER)).toMatchObject({ mine: 0, unassigned: 0, all: 0 });

    await conversations.setOwner(db, A, "bot", "staff_resolved", at(4));
    await inbox.setResolved(db, A, true, at(4));
    expect((await inbox.list({ view: "all", status: "resolved" }, AGENT)).map((c) => c.status)).toEqual(["resolved"]);
    expect(await inbox.reopen(db, A, at(5))).toBe(true);
    expect(await inbox.reopen(db, A, at(5))).toBe(false);
    expect((await inbox.summary(A, AGENT.staffId))?.status).toBe("pending");
  });

  it("waiting time starts at the first unanswered message; unread counts are per person; mark unread leaves the latest one", async () => {
    await conversations.recordInbound(db, { userId: A, kind: "text", text: "một", zaloMsgId: "a1", at: at(0) });
    await conversations.recordOutbound(db, { userId: A, author: "bot", kind: "text", text: "trả lời", state: "sent", at: at(1) });
    await conversations.recordInbound(db, { userId: A, kind: "text", text: "hai", zaloMsgId: "a2", at: at(2) });
    await conversations.recordInbound(db, { userId: A, kind: "text", text: "ba", zaloMsgId: "a3", at: at(3) });
    const summary = await inbox.summary(A, AGENT.staffId);
    expect(summary).toMatchObject({ waitingSince: at(2).toISOString(), unread: 3, lastMessageText: "ba", lastMessageDirection: "in" });
    await inbox.markRead(A, AGENT.staffId, true, at(4));
    expect((await inbox.summary(A, AGENT.staffId))?.unread).toBe(0);
    expect((await inbox.summary(A, OTHER.staffId))?.unread).toBe(3);
    await inbox.markRead(A, AGENT.staffId, false, at(5));
    expect((await inbox.summary(A, AGENT.staffId))?.unread).toBe(1);
    await conversations.recordOutbound(db, { userId: A, author: "staff", kind: "text", text: "đây", state: "queued", outboxId: 9, at: at(6) });
    await inbox.recordReplyAuthor(db, [9], { id: AGENT.staffId, name: "Lan" });
    expect((await inbox.summary(A, AGENT.staffId))?.waitingSince).toBeNull();
    expect((await inbox.messages(A)).at(-1)).toMatchObject({ author: "staff", staffName: "Lan", delivery: "sending" });
  });

  it("labels, notes and the sealed contact round-trip; search finds users by blind index only", async () => {
    const cipher = await testCipher();
    await conversations.recordInbound(db, { userId: A, kind: "text", text: "x", zaloMsgId: "a1", at: at(0) });
    await inbox.setLabels(db, A, ["gấp", "mất phiếu", "gấp"]);
    expect(await inbox.labels(A)).toEqual(["gấp", "mất phiếu"]);
    expect((await inbox.list({ view: "all", status: "any", label: "gấp" }, AGENT)).map((c) => c.userId)).toEqual([A]);
    const note = await inbox.addNote(A, { id: AGENT.staffId, name: "Lan" }, "gọi lại sau", at(1));
    expect(await inbox.notes(A)).toEqual([note]);

    await inbox.setContact(db, A, sealContact(cipher, { name: "Nguyễn Văn An", phone: "0912 345 678" }), at(2));
    await inbox.setContact(db, A, sealContact(cipher, { name: undefined, phone: undefined }), at(3)); // nothing shared: nothing lost
    const stored = await inbox.contact(A);
    expect(cipher.open(stored?.nameSealed as Buffer).toString()).toBe("Nguyễn Văn An");
    expect(cipher.open(stored?.phoneSealed as Buffer).toString()).toBe("+84912345678");
    expect(await inbox.findUsers({ nameIndex: nameIndexOf(cipher, "nguyen van AN") as string })).toEqual([A]);
    expect(await inbox.findUsers({ phoneIndex: phoneIndexOf(cipher, "+84 912 345 678") as string })).toEqual([A]);
    expect(await inbox.findUsers({ nameIndex: nameIndexOf(cipher, "Nguyễn Văn Ba") as string })).toEqual([]);
    await inbox.setAppUserId(db, A, "777", at(4));
    expect(await inbox.findUsers({ appUserIds: ["777"] })).toEqual([A]);
  });

  it("canned answers: unique shortcuts, search by shortcut, title or text; desks: hours checked, a conversation's desk gives its hours", async () => {
    const canned = new CannedAnswerRepository(db);
    const a = await canned.create({ shortcut: "chao", title: "Lời chào", body: "Chào {ten}" }, "sup", at(0));
    await canned.create({ shortcut: "mat-phieu", title: "Mất phiếu", body: "Khai lại trong mini app" }, "sup", at(0));
    await expect(canned.create({ shortcut: "chao", title: "x", body: "y" }, "sup", at(0))).rejects.toMatchObject({ code: "inbox.shortcut_taken", status: 409 });
    expect((await canned.list("mini")).map((c) => c.shortcut)).toEqual(["mat-phieu"]);
    expect((await canned.list("LỜI")).map((c) => c.shortcut)).toEqual(["chao"]);
    await canned.update(a.id, { shortcut: "chao2", title: "Lời chào", body: "Chào {name}" }, "sup", at(1));
    await canned.remove(a.id);
    await expect(canned.remove(a.id)).rejects.toMatchObject({ status: 404 });

    const desks = new DeskRepository(db);
    await expect(desks.upsert({ id: "x", name: "X", hours: "someday", outOfHoursText: null, checkpointIds: [] }, at(0))).rejects.toMatchObject({ code: "inbox.hours_invalid" });
    await desks.upsert({ id: "hk", name: "Hoàn Kiếm", hours: "mon-fri 08:00-12:00", outOfHoursText: "Ngoài giờ", checkpointIds: ["HN-A", "HN-B"] }, at(0));
    expect((await desks.get("hk"))?.checkpointIds).toEqual(["HN-A", "HN-B"]);
    expect(await desks.hoursFor(A)).toBeUndefined();
    await inbox.setDesk(db, A, "hk", at(1));
    const hours = await desks.hoursFor(A);
    expect(hours?.outOfHoursText).toBe("Ngoài giờ");
    expect(hours?.hours[1]).toEqual([{ start: 480, end: 720 }]);
  });
});
