import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConsentWithdrawnConflict, DeclarationRepository } from "../../declarations/repository";
import { declarationRecord, seedCheckpoints, testCipher } from "../../declarations/testing";
import type { FieldCipher } from "../../privacy";
import { UniqueConflict, type Database } from "../../storage";
import { openTestDatabases } from "../../storage/testing";
import { createConsents } from "./service";

const NOW = new Date("2026-11-28T09:00:00.000Z");
const consent = (givenAt = "2026-11-28T08:59:00.000Z") => ({ version: "2026-11-01", givenAt });

describe.each(openTestDatabases({ migrate: true }))("a declaration's consent is stored with it ($name)", ({ open }) => {
  let db: Database;
  let cipher: FieldCipher;
  beforeEach(async () => {
    db = await open();
    await seedCheckpoints(db);
    cipher = await testCipher();
  });
  afterEach(async () => {
    await (db as Database | undefined)?.close();
  });

  const consents = () => db.all<{ id: string; zalo_user_id: string; scope: string; source: string }>("SELECT id, zalo_user_id, scope, source FROM privacy_consents ORDER BY zalo_user_id, given_at");

  it("when a group commit stores several declarations, then a user's first declaration records its consent, once, and none is written for a duplicate", async () => {
    const repo = new DeclarationRepository(db);
    const first = declarationRecord(cipher, NOW, { zaloUserId: "1001", consent: consent() });
    await repo.insertWithOutbox(first, NOW);
    const results = await repo.insertManyWithOutbox([
      { record: declarationRecord(cipher, NOW, { zaloUserId: "1002", consent: consent() }), now: NOW },
      // The same user twice in one batch (a parent declaring for two children): one consent row.
      { record: declarationRecord(cipher, NOW, { zaloUserId: "1002", consent: consent() }), now: NOW },
      { record: declarationRecord(cipher, NOW, { zaloUserId: "1003" }), now: NOW },
      // Same user and key as `first`: skipped; 1001's consent is active already anyway.
      { record: { ...declarationRecord(cipher, NOW, { zaloUserId: "1001", idempotencyKey: first.idempotencyKey }), consent: consent() }, now: NOW },
      // Not a duplicate, and 1001 already consented: nothing more to record.
      { record: declarationRecord(cipher, NOW, { zaloUserId: "1001", consent: consent() }), now: NOW },
    ]);
    expect(results.map((r) => (r === undefined ? "stored" : r instanceof UniqueConflict ? "conflict" : String(r)))).toEqual(["stored", "stored", "stored", "conflict", "stored"]);
    expect((await consents()).map((c) => [c.zalo_user_id, c.scope, c.source])).toEqual([
      ["1001", "declaration", "declaration"],
      ["1002", "declaration", "declaration"],
    ]);
  });

  it("when the single insert fails on a duplicate, then its consent is not written either", async () => {
    const repo = new DeclarationRepository(db);
    const first = declarationRecord(cipher, NOW, { zaloUserId: "2001" });
    await repo.insertWithOutbox(first, NOW);
    await expect(repo.insertWithOutbox({ ...declarationRecord(cipher, NOW, { zaloUserId: "2001", idempotencyKey: first.idempotencyKey }), consent: consent() }, NOW)).rejects.toThrow();
    expect(await consents()).toEqual([]);
  });

  it("when the author withdrew consent after committing a declaration, then it is refused in the transaction; one committed after the withdrawal records a new consent", async () => {
    const repo = new DeclarationRepository(db);
    await repo.insertWithOutbox(declarationRecord(cipher, NOW, { zaloUserId: "3001", consent: consent("2026-11-28T08:00:00.000Z") }), NOW);
    await createConsents(db).withdraw("3001", "declaration", new Date("2026-11-28T08:30:00.000Z"));
    const queuedOffline = declarationRecord(cipher, NOW, { zaloUserId: "3001", consent: consent("2026-11-28T08:10:00.000Z") });
    const fresh = declarationRecord(cipher, NOW, { zaloUserId: "3001", consent: consent("2026-11-28T08:45:00.000Z") });
    const results = await repo.insertManyWithOutbox([{ record: queuedOffline, now: NOW }, { record: fresh, now: NOW }]);
    expect(results[0]).toBeInstanceOf(ConsentWithdrawnConflict);
    expect(results[1]).toBeUndefined();
    await expect(repo.insertWithOutbox(declarationRecord(cipher, NOW, { zaloUserId: "4001", consent: consent() }), NOW)).resolves.toBeUndefined();
    expect(await repo.findById(queuedOffline.id)).toBeUndefined();
    expect(await db.all("SELECT declaration_id FROM declaration_outbox WHERE declaration_id = $1", [queuedOffline.id])).toEqual([]);
    const of3001 = await db.all<{ given_at: string; withdrawn_at: string | null }>("SELECT given_at, withdrawn_at FROM privacy_consents WHERE zalo_user_id = '3001' ORDER BY given_at");
    expect(of3001).toEqual([
      { given_at: "2026-11-28T08:00:00.000Z", withdrawn_at: "2026-11-28T08:30:00.000Z" },
      { given_at: "2026-11-28T08:45:00.000Z", withdrawn_at: null },
    ]);
  });
});
