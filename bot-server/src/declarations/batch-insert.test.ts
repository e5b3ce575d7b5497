import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isUniqueViolation, type Database } from "../storage";
import { openTestDatabases } from "../storage/testing";
import { createBatchedDeclarationInserter } from "./batch-insert";
import { DeclarationRepository } from "./repository";
import { declarationRecord, seedCheckpoints, testCipher } from "./testing";
import type { FieldCipher } from "../privacy/types";

const now = new Date("2026-03-01T08:00:00.000Z");

describe.each(openTestDatabases({ migrate: true }))("batched declaration inserts ($name)", ({ open }) => {
  let db: Database;
  let repo: DeclarationRepository;
  let cipher: FieldCipher;
  beforeEach(async () => {
    db = await open();
    await seedCheckpoints(db);
    repo = new DeclarationRepository(db);
    cipher = await testCipher();
  });
  afterEach(() => db.close());

  const count = async (table: string) => Number((await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n);

  it("when submissions arrive together, then one transaction stores them and only the conflicting ones fail", async () => {
    const stored = declarationRecord(cipher, now);
    await repo.insertWithOutbox(stored, now);
    let batches = 0;
    const counting = Object.create(repo) as DeclarationRepository;
    counting.insertManyWithOutbox = (items) => (batches++, repo.insertManyWithOutbox(items));
    const inserter = createBatchedDeclarationInserter(counting);

    const records = [
      declarationRecord(cipher, now),
      declarationRecord(cipher, now, { zaloUserId: stored.zaloUserId, idempotencyKey: stored.idempotencyKey }), // same key: raced in
      declarationRecord(cipher, now, { receiptCode: "0000000001" }),
      declarationRecord(cipher, now, { receiptCode: "0000000001" }), // code taken within the batch
      declarationRecord(cipher, now),
    ];
    const results = await Promise.allSettled(records.map((r) => inserter.insertWithOutbox(r, now)));

    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected", "fulfilled"]);
    for (const r of results) if (r.status === "rejected") expect(isUniqueViolation(r.reason)).toBe(true);
    expect(batches).toBe(1);
    expect(await count("declarations")).toBe(4);
    // Every stored declaration has its outbox row, and no failed one left either row behind.
    expect(await count("declaration_outbox")).toBe(4);
    expect(await repo.findById(records[1]!.id)).toBeUndefined();
    expect(await repo.findById(records[3]!.id)).toBeUndefined();
  });

  it("when the batch transaction fails, then its rows are stored one by one and only the bad one fails", async () => {
    const flaky = Object.create(repo) as DeclarationRepository;
    flaky.insertManyWithOutbox = async () => {
      throw new Error("batch refused");
    };
    const bad = declarationRecord(cipher, now, { checkpointId: "NO-SUCH-CHECKPOINT" }); // foreign key fails
    const inserter = createBatchedDeclarationInserter(flaky, { maxBatch: 8 });
    const results = await Promise.allSettled([declarationRecord(cipher, now), bad, declarationRecord(cipher, now)].map((r) => inserter.insertWithOutbox(r, now)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await count("declaration_outbox")).toBe(2);
  });

  it("splits at maxBatch and still answers every submission", async () => {
    const inserter = createBatchedDeclarationInserter(repo, { maxBatch: 3 });
    await Promise.all(Array.from({ length: 10 }, () => inserter.insertWithOutbox(declarationRecord(cipher, now), now)));
    expect(await count("declarations")).toBe(10);
    expect(await count("declaration_outbox")).toBe(10);
  });
});
