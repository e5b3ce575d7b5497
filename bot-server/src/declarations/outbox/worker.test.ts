import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FieldCipher } from "../../privacy";
import type { Database } from "../../storage";
import { openTestDatabases } from "../../storage/testing";
import { DeclarationRepository } from "../repository";
import { seedCheckpoints, storeDeclaration, testCipher } from "../testing";
import { BackendUnavailableError, type BackendDeclaration, type BackendVerdict, type DeclarationBackend } from "./backend";
import { OutboxRepository } from "./repository";
import { createOutboxWorker, type OutboxWorkerOptions } from "./worker";

const T0 = new Date("2026-11-28T08:00:00.000Z");
const RETRY = { baseMs: 1000, maxMs: 60_000 };

/** A backend whose answers the test scripts; it records every send. */
function scriptedBackend(answer: (r: BackendDeclaration, n: number) => Promise<BackendVerdict> | BackendVerdict) {
  const sent: BackendDeclaration[] = [];
  const backend: DeclarationBackend = {
    async submit(r) {
      sent.push(r);
      return answer(r, sent.length);
    },
  };
  return { backend, sent };
}

const unavailable = () => {
  throw new BackendUnavailableError("backend answered HTTP 503");
};

describe.each(openTestDatabases({ migrate: true }))("outbox worker on $name", ({ open }) => {
  let db: Database;
  let cipher: FieldCipher;
  let outbox: OutboxRepository;
  let clock: Date;
  beforeEach(async () => {
    db = await open();
    cipher = await testCipher();
    await seedCheckpoints(db);
    outbox = new OutboxRepository(db);
    clock = T0;
  });
  afterEach(async () => {
    await (db as Database | undefined)?.close();
  });

  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const worker = (backend: DeclarationBackend, over: Partial<OutboxWorkerOptions> = {}) =>
    createOutboxWorker({
      outbox,
      declarations: new DeclarationRepository(db),
      backend,
      cipher,
      owner: "test",
      maxAttempts: 4,
      concurrency: 4,
      leaseMs: 30_000,
      pollMs: 60_000,
      retry: RETRY,
      now: () => clock,
      random: () => 0.5,
      ...over,
    });
  const outboxRow = (id: string) =>
    db.get<{ state: string; attempts: number; next_attempt_at: string; last_error: string | null }>(
      "SELECT state, attempts, next_attempt_at, last_error FROM declaration_outbox WHERE declaration_id = $1",
      [id],
    );
  const statusOf = async (id: string) => (await new DeclarationRepository(db).findById(id))?.status;

  it("when the backend takes it, then the row is done, the declaration forwarded, the key our id", async () => {
    const d = await storeDeclaration(db, cipher, clock);
    const { backend, sent } = scriptedBackend(() => ({ ok: true, duplicate: false }));
    expect(await worker(backend).drainOnce()).toBe(1);
    expect(await outboxRow(d.id)).toMatchObject({ state: "done", attempts: 1 });
    expect(await statusOf(d.id)).toBe("forwarded");
    expect(sent[0]).toMatchObject({ declarationId: d.id, receiptCode: d.receiptCode, checkpointId: "HN-PHAPVAN" });
    // The backend gets the declaration itself, opened from its sealed form.
    expect(sent[0]?.declaration).toMatchObject({ identity: { idNumber: "001090123456", phone: "+84912345678" } });
  });

  it("when the backend fails, then the retry waits an exponential, jittered delay", async () => {
    const d = await storeDeclaration(db, cipher, clock);
    const w = worker(scriptedBackend(unavailable).backend);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = clock.getTime();
      expect(await w.drainOnce()).toBe(1);
      const row = await outboxRow(d.id);
      expect(row).toMatchObject({ state: "pending", attempts: attempt, last_error: "backend answered HTTP 503" });
      delays.push(Date.parse(row?.next_attempt_at ?? "") - before);
      // Not due a millisecond early.
      advance(delays[delays.length - 1] as number - 1);
      expect(await w.drainOnce()).toBe(0);
      advance(1);
    }
    // random() = 0.5 of a cap of 1 s, 2 s, 4 s.
    expect(delays).toEqual([500, 1000, 2000]);
  });

  it("when the backend refuses the declaration, then it is rejected with the reason and never retried", async () => {
    const d = await storeDeclaration(db, cipher, clock);
    const { backend, sent } = scriptedBackend(() => ({ rejected: "id_number_blacklisted" }));
    const w = worker(backend);
    await w.drainOnce();
    advance(3_600_000);
    expect(await w.drainOnce()).toBe(0);
    expect(sent).toHaveLength(1);
    expect(await outboxRow(d.id)).toMatchObject({ state: "rejected", last_error: "id_number_blacklisted" });
    const stored = await new DeclarationRepository(db).findById(d.id);
    expect([stored?.status, stored?.statusReason]).toEqual(["rejected", "id_number_blacklisted"]);
  });

  it("when every attempt fails, then after the last one it is dead; retryDead sends it again", async () => {
    const d = await storeDeclaration(db, cipher, clock);
    let up = false;
    const { backend, sent } = scriptedBackend(() => (up ? { ok: true, duplicate: false } : unavailable()));
    const w = worker(backend, { maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      await w.drainOnce();
      advance(RETRY.maxMs);
    }
    expect(await outboxRow(d.id)).toMatchObject({ state: "dead", attempts: 3 });
    expect(await w.drainOnce()).toBe(0);
    expect((await outbox.listDead()).map((r) => r.declarationId)).toEqual([d.id]);
    expect(await statusOf(d.id)).toBe("accepted"); // the citizen's receipt stays valid

    up = true;
    expect(await outbox.retryDead([d.id, "not-dead"], clock)).toBe(1);
    expect(await outboxRow(d.id)).toMatchObject({ state: "pending", attempts: 0 });
    await w.drainOnce();
    expect(await outboxRow(d.id)).toMatchObject({ state: "done" });
    expect(sent.map((s) => s.declarationId)).toEqual([d.id, d.id, d.id, d.id]);
  });

  it("when an instance died mid-send, then after the lease the row is sent again with the same key", async () => {
    const d = await storeDeclaration(db, cipher, clock);
    await outbox.claimDue({ owner: "crashed", limit: 10, leaseMs: 30_000, now: clock }); // and never answered
    const { backend, sent } = scriptedBackend(() => ({ ok: true, duplicate: true }));
    const w = worker(backend);
    expect(await w.drainOnce()).toBe(0);
    advance(30_000);
    expect(await w.drainOnce()).toBe(1);
    expect(sent.map((s) => s.declarationId)).toEqual([d.id]);
    expect(await outboxRow(d.id)).toMatchObject({ state: "done", attempts: 2 });
  });

  it("when stopped with a send in flight, then stop waits for it to finish", async () => {
    const d = await storeDeclaration(db, cipher, clock);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { backend, sent } = scriptedBackend(async () => {
      await gate;
      return { ok: true, duplicate: false };
    });
    const w = worker(backend);
    w.start();
    w.wake();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await outboxRow(d.id)).toMatchObject({ state: "done" });
  });

  it("when a declaration is stored and the worker woken, then it is sent without waiting for the poll", async () => {
    const { backend, sent } = scriptedBackend(() => ({ ok: true, duplicate: false }));
    const w = worker(backend, { pollMs: 600_000 });
    w.start();
    try {
      await new Promise((r) => setTimeout(r, 20)); // the first look found nothing; now it sleeps for 10 minutes
      const d = await storeDeclaration(db, cipher, clock);
      w.wake();
      await vi.waitFor(() => expect(sent.map((s) => s.declarationId)).toEqual([d.id]), { timeout: 5000 });
    } finally {
      await w.stop();
    }
  });

  it("when many are due, then no more than `concurrency` are in flight at once, and all go", async () => {
    for (let i = 0; i < 12; i++) await storeDeclaration(db, cipher, clock);
    let inFlight = 0;
    let most = 0;
    const { backend, sent } = scriptedBackend(async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 10));
      inFlight--;
      return { ok: true, duplicate: false };
    });
    const w = worker(backend, { concurrency: 3 });
    w.start();
    try {
      await vi.waitFor(async () => expect((await outbox.countByState()).done).toBe(12), { timeout: 10_000 });
    } finally {
      await w.stop();
    }
    expect(most).toBeLessThanOrEqual(3);
    expect(new Set(sent.map((s) => s.declarationId)).size).toBe(12);
  });
});
