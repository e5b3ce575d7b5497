import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FieldCipher } from "../../privacy";
import type { Database } from "../../storage";
import { openTestDatabases } from "../../storage/testing";
import { seedCheckpoints, storeDeclaration, testCipher } from "../testing";
import { OutboxRepository } from "./repository";

const T0 = new Date("2026-11-28T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(openTestDatabases({ migrate: true }))("outbox claims on $name", ({ open }) => {
  let db: Database;
  let cipher: FieldCipher;
  let outbox: OutboxRepository;
  beforeEach(async () => {
    db = await open();
    cipher = await testCipher();
    await seedCheckpoints(db);
    outbox = new OutboxRepository(db);
  });
  afterEach(async () => {
    await (db as Database | undefined)?.close();
  });

  it("when rows are due, then a claim takes at most `limit`, oldest first, and counts the attempt", async () => {
    const first = await storeDeclaration(db, cipher, T0);
    await storeDeclaration(db, cipher, at(1));
    await storeDeclaration(db, cipher, at(2));
    const claimed = await outbox.claimDue({ owner: "a", limit: 2, leaseMs: 60_000, now: at(10) });
    expect(claimed).toHaveLength(2);
    expect(claimed.map((c) => c.attempts)).toEqual([1, 1]);
    expect(claimed.map((c) => c.declarationId)).toContain(first.id);
  });

  it("when a row is leased, then nobody claims it until the lease runs out, then it is claimed again", async () => {
    const d = await storeDeclaration(db, cipher, T0);
    expect(await outbox.claimDue({ owner: "a", limit: 10, leaseMs: 60_000, now: T0 })).toEqual([{ declarationId: d.id, attempts: 1, idempotencyKey: d.id }]);
    expect(await outbox.claimDue({ owner: "b", limit: 10, leaseMs: 60_000, now: at(59_999) })).toEqual([]);
    // Instance a died mid-send: b takes the row over once the lease has run out.
    expect(await outbox.claimDue({ owner: "b", limit: 10, leaseMs: 60_000, now: at(60_000) })).toEqual([{ declarationId: d.id, attempts: 2, idempotencyKey: d.id }]);
  });

  it("when a row is not due yet, then it is not claimed", async () => {
    const d = await storeDeclaration(db, cipher, T0);
    await outbox.claimDue({ owner: "a", limit: 1, leaseMs: 1000, now: T0 });
    await outbox.reschedule(d.id, "a", "HTTP 503", at(5000), T0);
    expect(await outbox.claimDue({ owner: "a", limit: 1, leaseMs: 1000, now: at(4999) })).toEqual([]);
    expect(await outbox.claimDue({ owner: "a", limit: 1, leaseMs: 1000, now: at(5000) })).toHaveLength(1);
  });

  it("when several workers claim at once, then each row goes to exactly one of them", async () => {
    // Several rounds: a double claim is a race, so give it many chances to show.
    for (let round = 0; round < 5; round++) {
      const ids = new Set<string>();
      for (let i = 0; i < 40; i++) ids.add((await storeDeclaration(db, cipher, at(round * 100 + i))).id);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, w) => outbox.claimDue({ owner: `r${round}w${w}`, limit: 7, leaseMs: 3_600_000, now: at(round * 100 + 50) })),
      );
      const claimed = claims.flat().map((r) => r.declarationId);
      expect(claimed.filter((id) => !ids.has(id))).toEqual([]);
      expect(claimed.length).toBe(40); // nobody got a row twice, none was left
      expect(new Set(claimed)).toEqual(ids);
    }
  });

  it("when a slow sender's lease was taken over, then its failure report does not push the row back", async () => {
    const d = await storeDeclaration(db, cipher, T0);
    await outbox.claimDue({ owner: "slow", limit: 1, leaseMs: 1000, now: T0 });
    await outbox.claimDue({ owner: "fast", limit: 1, leaseMs: 1000, now: at(1000) });
    await outbox.reschedule(d.id, "slow", "timeout", at(999_999), at(1500));
    const row = await db.get<{ claimed_by: string; next_attempt_at: string }>("SELECT claimed_by, next_attempt_at FROM declaration_outbox WHERE declaration_id = $1", [d.id]);
    expect(row).toEqual({ claimed_by: "fast", next_attempt_at: T0.toISOString() });
  });
});
