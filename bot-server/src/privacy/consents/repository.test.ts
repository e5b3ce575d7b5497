import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeclarationRepository } from "../../declarations/repository";
import { declarationRecord, seedCheckpoints, testCipher } from "../../declarations/testing";
import type { FieldCipher } from "../../privacy";
import type { Database } from "../../storage";
import { openTestDatabases } from "../../storage/testing";

const NOW = new Date("2026-11-28T09:00:00.000Z");
const consent = (userId: string) => ({ id: `c-${userId}`, zaloUserId: userId, version: "2026-11-01", givenAt: "2026-11-28T08:59:00.000Z" });

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

  const consents = () => db.all<{ id: string; zalo_user_id: string; scope: string; source: string }>("SELECT id, zalo_user_id, scope, source FROM privacy_consents ORDER BY id");

  it("when a group commit stores several declarations, then each one's consent is written, and none for a declaration refused as a duplicate", async () => {
    const repo = new DeclarationRepository(db);
    const first = declarationRecord(cipher, NOW, { zaloUserId: "1001", consentToRecord: consent("1001") });
    await repo.insertWithOutbox(first, NOW);
    const results = await repo.insertManyWithOutbox([
      { record: declarationRecord(cipher, NOW, { zaloUserId: "1002", consentToRecord: consent("1002") }), now: NOW },
      { record: declarationRecord(cipher, NOW, { zaloUserId: "1003" }), now: NOW },
      // Same user and key as `first`: skipped, and so is the consent it carries.
      { record: { ...declarationRecord(cipher, NOW, { zaloUserId: "1001", idempotencyKey: first.idempotencyKey }), consentToRecord: consent("1001-again") }, now: NOW },
    ]);
    expect(results.map((r) => (r === undefined ? "stored" : "conflict"))).toEqual(["stored", "stored", "conflict"]);
    expect(await consents()).toEqual([
      { id: "c-1001", zalo_user_id: "1001", scope: "declaration", source: "declaration" },
      { id: "c-1002", zalo_user_id: "1002", scope: "declaration", source: "declaration" },
    ]);
  });

  it("when the single insert fails on a duplicate, then its consent is not written either", async () => {
    const repo = new DeclarationRepository(db);
    const first = declarationRecord(cipher, NOW, { zaloUserId: "2001" });
    await repo.insertWithOutbox(first, NOW);
    await expect(repo.insertWithOutbox({ ...declarationRecord(cipher, NOW, { zaloUserId: "2001", idempotencyKey: first.idempotencyKey }), consentToRecord: consent("2001") }, NOW)).rejects.toThrow();
    expect(await consents()).toEqual([]);
  });
});
