import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sampleZaloEvent, zaloEventFacts, zaloEventSchema } from "@khaibao/shared";
import { loadFaq } from "../bot/faq";
import { ConversationRepository } from "../conversations/repository";
import { testCipher } from "../declarations/testing";
import type { Database } from "../storage";
import { openTestDatabases } from "../storage/testing";
import type { OaUserProfile } from "../zalo/oa/client";
import { OutboundRepository } from "../zalo/oa/outbox/repository";
import { createInboxFeature } from "./index";

const [sqlite] = openTestDatabases({ migrate: true });

describe("display-name lookups when many new citizens write at once", () => {
  let db: Database;
  beforeEach(async () => {
    db = await sqlite!.open();
  });
  afterEach(() => db.close());

  it("when 200 citizens write while Zalo is slow to answer, then only a few lookups wait at once and the rest are left for their next message", async () => {
    const feature = createInboxFeature({ db, cipher: await testCipher(), faq: loadFaq(), logger: { warn: () => {} }, now: () => new Date() });
    let started = 0;
    const answers: Array<() => void> = [];
    // Zalo's user detail, held back like a call waiting for the OA rate limit.
    const profile = (): Promise<OaUserProfile> => {
      started++;
      return new Promise((resolve) => answers.push(() => resolve({ displayName: null, follower: true, sharedName: null, sharedPhone: null })));
    };
    feature.routes({ conversations: new ConversationRepository(db), outbound: new OutboundRepository(db), send: async () => [], profile });
    for (let i = 0; i < 200; i++) {
      const event = zaloEventSchema.parse(sampleZaloEvent("user_send_text", { ids: { userId: String(8_300_000_000_000_000_000n + BigInt(i)) }, msgId: `m${i}` }));
      feature.onEventCommitted(event, zaloEventFacts(event));
    }
    await vi.waitFor(() => expect(started).toBe(4));
    // Give the other 196 every chance to start a lookup too (they must not).
    await new Promise((r) => setTimeout(r, 300));
    expect(started).toBe(4);
    // Once those are answered, a citizen who writes again is looked up.
    for (const answer of answers.splice(0)) answer();
    await new Promise((r) => setTimeout(r, 300));
    const again = zaloEventSchema.parse(sampleZaloEvent("user_send_text", { ids: { userId: "8300000000000000199" }, msgId: "again" }));
    feature.onEventCommitted(again, zaloEventFacts(again));
    await vi.waitFor(() => expect(started).toBe(5));
  });
});
