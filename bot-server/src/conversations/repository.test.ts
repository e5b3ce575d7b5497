import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabases } from "../storage/testing";
import type { Database } from "../storage";
import { ConversationRepository } from "./repository";

const USER = "2468458835296197922";
const t0 = new Date("2025-11-28T08:00:00.000Z");
const t1 = new Date("2025-11-28T08:05:00.000Z");

describe.each(openTestDatabases({ migrate: true }))("conversation record ($name)", ({ open }) => {
  let db: Database;
  let repo: ConversationRepository;
  beforeEach(async () => {
    db = await open();
    repo = new ConversationRepository(db);
  });
  afterEach(() => db.close());

  it("a new conversation belongs to the bot; the owner changes once and says why", async () => {
    await repo.ensure(db, USER, t0);
    expect(await repo.get(USER)).toMatchObject({ userId: USER, owner: "bot", ownerSince: t0.toISOString(), following: null, lastInboundAt: null });
    expect(await repo.setOwner(db, USER, "human", "oa_admin_reply", t1)).toBe(true);
    expect(await repo.setOwner(db, USER, "human", "again", t1)).toBe(false);
    expect(await repo.get(USER)).toMatchObject({ owner: "human", ownerReason: "oa_admin_reply", ownerSince: t1.toISOString() });
  });

  it("an inbound message is recorded once per Zalo msg id and moves the last-interaction time forward only", async () => {
    expect(await repo.recordInbound(db, { userId: USER, kind: "text", text: "Chào", zaloMsgId: "m1", at: t1 })).toBe("recorded");
    expect(await repo.recordInbound(db, { userId: USER, kind: "text", text: "Chào", zaloMsgId: "m1", at: t1 })).toBe("duplicate");
    await repo.recordInbound(db, { userId: USER, kind: "follow", text: null, zaloMsgId: null, at: t0 });
    expect((await repo.get(USER))?.lastInboundAt).toBe(t1.toISOString());
    expect((await repo.messages(USER)).map((m) => m.kind)).toEqual(["text", "follow"]);
  });

  it("an outbound message follows the queue's verdict", async () => {
    await repo.recordOutbound(db, { userId: USER, author: "bot", kind: "text", text: "Xin chào", state: "queued", outboxId: 7, at: t0 });
    await repo.updateOutbound(db, 7, { state: "undeliverable", zaloMsgId: null, zaloCode: -230, reason: "not interacted", at: t1 });
    const [m] = await repo.messages(USER);
    expect([m?.direction, m?.author, m?.state, m?.zaloCode, m?.reason, m?.outboxId]).toEqual(["out", "bot", "undeliverable", -230, "not interacted", 7]);
  });
});
