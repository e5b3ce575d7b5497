import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabases } from "../../storage/testing";
import type { Database } from "../../storage";
import { createBatchedInboxWriter } from "./batch-writer";
import { InboxRepository, type NewInboxEvent } from "./repository";

const at = new Date("2025-11-28T08:00:00.000Z");
const ev = (key: string, userId = "2468458835296197922"): NewInboxEvent => ({
  dedupeKey: key,
  eventName: "user_send_text",
  userId,
  eventTimestamp: "1764316800000",
  rawBody: `{"k":"${key}"}`,
  retryNum: 0,
  receivedAt: at,
});

describe.each(openTestDatabases({ migrate: true }))("batched inbox writer ($name)", ({ open }) => {
  let db: Database;
  let repo: InboxRepository;
  beforeEach(async () => {
    db = await open();
    repo = new InboxRepository(db);
  });
  afterEach(() => db.close());

  it("stores events arriving together in one INSERT, each told whether it was new", async () => {
    await repo.insert(ev("old"));
    const writer = createBatchedInboxWriter(repo);
    const results = await Promise.all([ev("a"), ev("b"), ev("old"), ev("a"), ev("c", "5512345678901234567")].map((e) => writer.insert(e)));
    expect(results).toEqual(["stored", "stored", "duplicate", "duplicate", "stored"]);
    const rows = await db.all<{ dedupe_key: string; user_id: string; raw_body: string }>("SELECT dedupe_key, user_id, raw_body FROM zalo_inbox ORDER BY id");
    expect(rows.map((r) => r.dedupe_key)).toEqual(["old", "a", "b", "c"]);
    expect(rows[3]).toEqual({ dedupe_key: "c", user_id: "5512345678901234567", raw_body: '{"k":"c"}' });
  });

  it("splits at maxBatch and still answers every event", async () => {
    const writer = createBatchedInboxWriter(repo, { maxBatch: 3 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => writer.insert(ev(`k${i}`))));
    expect(results.every((r) => r === "stored")).toBe(true);
    expect(await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM zalo_inbox")).toEqual({ n: 10 });
  });

  it("when a batch fails, then its events are stored one by one and only the bad one fails", async () => {
    const flaky = Object.create(repo) as InboxRepository;
    flaky.insertMany = async () => {
      throw new Error("batch refused");
    };
    const original = repo.insert.bind(repo);
    flaky.insert = async (e) => {
      if (e.dedupeKey === "bad") throw new Error("bad row");
      return original(e);
    };
    const writer = createBatchedInboxWriter(flaky);
    const results = await Promise.allSettled([ev("x"), ev("bad"), ev("y")].map((e) => writer.insert(e)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});
