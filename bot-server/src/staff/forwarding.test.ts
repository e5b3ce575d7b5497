import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { forwardingListResponseSchema, forwardingRetryResponseSchema, staffAuditListResponseSchema } from "@khaibao/shared";
import { createHttpDeclarationBackend, DeclarationRepository, OutboxRepository } from "../declarations";
import { createOutboxWorker, type OutboxWorker } from "../declarations/outbox/worker";
import { seedCheckpoints, storeDeclaration, testCipher } from "../declarations/testing";
import { purgeDeclarations } from "../privacy/retention/purge";
import type { FieldCipher } from "../privacy";
import { startDeclarationBackendStandin, type ControlsUpdate, type DeclarationBackendStandin } from "../standins/declaration-backend";
import type { Database } from "../storage";
import { openTestDatabases } from "../storage/testing";
import { as, staffTestApp, testClock, testDeadLetters, type Clock, type SignedIn, type StaffTestApp } from "./testing";

/**
 * The forwarding page's API end to end: the real outbox worker sends to the declaration backend
 * stand-in over HTTP, the stand-in rejects or fails on command, and a supervisor lists and
 * resends what went wrong.
 */

let backend: DeclarationBackendStandin;
beforeAll(async () => {
  backend = await startDeclarationBackendStandin({ dbFile: ":memory:", token: "forwarding-test-token" });
});
afterAll(async () => {
  await backend.stop();
});

async function control(update: ControlsUpdate): Promise<void> {
  const res = await fetch(`${backend.url}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(update) });
  expect(res.status).toBe(200);
}

async function received(key: string): Promise<{ outcome: string; declarationId: string } | undefined> {
  const res = await fetch(`${backend.url}/v1/declarations/${encodeURIComponent(key)}`, { headers: { authorization: `Bearer ${backend.token}` } });
  return res.status === 200 ? ((await res.json()) as { outcome: string; declarationId: string }) : undefined;
}

describe.each(openTestDatabases({ migrate: true }))("forwarding page API ($name)", ({ open }) => {
  let db: Database;
  let cipher: FieldCipher;
  let clock: Clock;
  let worker: OutboxWorker;
  let t: StaffTestApp;
  let supervisor: SignedIn;
  let admin: SignedIn;
  let wakes = 0;

  beforeEach(async () => {
    db = await open();
    cipher = await testCipher();
    await seedCheckpoints(db);
    await control({ reset: true });
    clock = testClock("2026-03-02T08:00:00.000Z");
    worker = createOutboxWorker({
      outbox: new OutboxRepository(db),
      declarations: new DeclarationRepository(db),
      backend: createHttpDeclarationBackend({ baseUrl: backend.url, token: backend.token, timeoutMs: 5000 }),
      cipher,
      owner: "test",
      maxAttempts: 1,
      concurrency: 4,
      leaseMs: 30_000,
      pollMs: 60_000,
      retry: { baseMs: 1000, maxMs: 60_000 },
      now: clock.now,
    });
    wakes = 0;
    t = staffTestApp(db, { now: clock.now, deadLetters: testDeadLetters(db, clock.now, () => wakes++) });
    await t.account("sup1", "supervisor");
    await t.account("admin1", "admin");
    supervisor = await t.login("sup1");
    admin = await t.login("admin1");
  });
  afterEach(async () => {
    await db.close();
  });

  /** One declaration the backend rejects (422 rejected_by_rule) and one it never answers (503, one attempt allowed). */
  async function rejectedAndDead() {
    const rejected = await storeDeclaration(db, cipher, clock.now());
    await control({ rejectIds: [rejected.id] });
    expect(await worker.drainOnce()).toBe(1);
    clock.advance(60_000);
    const dead = await storeDeclaration(db, cipher, clock.now());
    await control({ reset: true, failRate: 1 });
    expect(await worker.drainOnce()).toBe(1);
    await control({ reset: true });
    clock.advance(60_000);
    return { rejected, dead };
  }

  const list = async (who: SignedIn, query: string) => {
    const res = await as(t.app, who, "get", `/api/staff/forwarding${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { body: forwardingListResponseSchema.parse(res.body), raw: JSON.stringify(res.body) };
  };

  it("when the backend rejected a declaration, then a supervisor sees it with the backend's reason and no personal data", async () => {
    const { rejected, dead } = await rejectedAndDead();
    const { body, raw } = await list(supervisor, "?state=rejected");
    expect(body.counts).toEqual({ pending: 0, rejected: 1, dead: 1, forwardedToday: 0 });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      declarationId: rejected.id,
      receiptCode: rejected.receiptCode,
      checkpointId: "HN-PHAPVAN",
      checkpointName: expect.stringContaining("Pháp Vân"),
      holderNameMasked: rejected.holderNameMasked,
      state: "rejected",
      attempts: 1,
      reason: "rejected_by_rule",
      lastAttemptAt: "2026-03-02T08:00:00.000Z",
      resends: 0,
      personalDataPurged: false,
    });
    expect(body.nextBefore).toBeNull();
    // The sample declaration's name, ID number and phone never leave the server here.
    for (const secret of ["NGUYEN VAN AN", "Nguyễn Văn An", "001090123456", "0912345678", "+84912345678"]) expect(raw).not.toContain(secret);

    const deadList = await list(admin, "?state=dead");
    expect(deadList.body.items.map((i) => [i.declarationId, i.state, i.reason])).toEqual([[dead.id, "dead", "backend answered HTTP 503"]]);
    expect(await new DeclarationRepository(db).findById(rejected.id)).toMatchObject({ status: "rejected", statusReason: "rejected_by_rule" });
  });

  it("when a retry has no CSRF token or no reason, then it is refused and nothing moves", async () => {
    const { rejected } = await rejectedAndDead();
    const noCsrf = await as(t.app, supervisor, "post", "/api/staff/forwarding/retry", { csrf: false }).send({ declarationIds: [rejected.id], reason: "sửa xong" });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe("staff.csrf_invalid");
    const noReason = await as(t.app, supervisor, "post", "/api/staff/forwarding/retry").send({ declarationIds: [rejected.id], reason: "  x " });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["reason"]);
    const tooMany = await as(t.app, supervisor, "post", "/api/staff/forwarding/retry").send({ declarationIds: Array.from({ length: 501 }, (_, i) => `id-${i}`), reason: "quá nhiều" });
    expect(tooMany.status).toBe(400);
    expect((await list(supervisor, "")).body.counts).toMatchObject({ rejected: 1, dead: 1, pending: 0 });
    expect(wakes).toBe(0);
  });

  it("when a supervisor retries a rejected and a dead declaration, then both go back to pending, are audited, and the worker forwards them once the backend accepts", async () => {
    const { rejected, dead } = await rejectedAndDead();
    const reason = "Cơ quan tiếp nhận đã sửa quy tắc, gửi lại";
    const res = await as(t.app, supervisor, "post", "/api/staff/forwarding/retry")
      .set("X-Request-Id", "req-retry-1")
      .send({ declarationIds: [rejected.id, dead.id, rejected.id, "00000000-0000-4000-8000-000000000000"], reason: `  ${reason} ` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(forwardingRetryResponseSchema.parse(res.body)).toEqual({ retried: { rejected: [rejected.id], dead: [dead.id] }, skipped: ["00000000-0000-4000-8000-000000000000"] });
    expect(wakes).toBe(1);

    const after = await list(supervisor, "?state=rejected");
    expect(after.body.items).toEqual([]);
    expect(after.body.counts).toEqual({ pending: 2, rejected: 0, dead: 0, forwardedToday: 0 });
    expect(await new DeclarationRepository(db).findById(rejected.id)).toMatchObject({ status: "accepted", statusReason: null });

    // Retrying again is harmless: nothing is rejected or dead any more.
    const again = await as(t.app, supervisor, "post", "/api/staff/forwarding/retry").send({ declarationIds: [rejected.id], reason });
    expect(again.body).toEqual({ retried: { rejected: [], dead: [] }, skipped: [rejected.id] });

    expect(await worker.drainOnce()).toBe(2);
    const done = await list(supervisor, "?state=dead");
    expect(done.body.counts).toEqual({ pending: 0, rejected: 0, dead: 0, forwardedToday: 2 });
    expect(await new DeclarationRepository(db).findById(rejected.id)).toMatchObject({ status: "forwarded" });
    // The backend keeps its first verdict per key: the resend went under a new one, the dead one under its own.
    expect(await received(rejected.id)).toMatchObject({ outcome: "rejected" });
    expect(await received(`${rejected.id}.resend-1`)).toMatchObject({ outcome: "accepted", declarationId: rejected.id });
    expect(await received(dead.id)).toMatchObject({ outcome: "accepted" });

    const audit = staffAuditListResponseSchema.parse((await as(t.app, admin, "get", "/api/staff/audit")).body);
    const retried = audit.entries.filter((e) => e.action === "forwarding.retried");
    expect(retried.map((e) => e.targetId).sort()).toEqual([rejected.id, dead.id].sort());
    for (const e of retried) expect(e).toMatchObject({ actorUsername: "sup1", targetType: "declaration", reason, requestId: "req-retry-1" });
    expect(retried.find((e) => e.targetId === rejected.id)?.details).toEqual({ from: "rejected", backendReason: "rejected_by_rule" });
    expect(retried.find((e) => e.targetId === dead.id)?.details).toEqual({ from: "dead", backendReason: "backend answered HTTP 503" });
  });

  it("when the retention job purged a rejected declaration, then resending it is refused with a clear 409, nothing moves, and the others can still be resent", async () => {
    const { rejected, dead } = await rejectedAndDead();
    // The real retention statement, as the job runs it once the declaration is past the limit.
    expect(await purgeDeclarations(db, { before: new Date(clock.now().getTime() + 1000) }, clock.now(), 10)).toBe(1);
    // The page shows it as purged, so staff do not select it; the dead one is still sendable.
    expect((await list(supervisor, "?state=rejected")).body.items.map((i) => [i.declarationId, i.personalDataPurged])).toEqual([[rejected.id, true]]);
    expect((await list(supervisor, "?state=dead")).body.items.map((i) => [i.declarationId, i.personalDataPurged])).toEqual([[dead.id, false]]);

    const refused = await as(t.app, supervisor, "post", "/api/staff/forwarding/retry").send({ declarationIds: [dead.id, rejected.id], reason: "gửi lại sau khi sửa" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: "forwarding.personal_data_purged",
      messages: {
        vi: expect.stringContaining("1 tờ khai đã bị xoá dữ liệu cá nhân"),
        en: expect.stringContaining("personal data of 1 declaration(s) were deleted"),
      },
      fields: [{ path: "declarationIds.1", code: "forwarding.declaration_purged", messages: { vi: "Tờ khai đã bị xoá dữ liệu cá nhân theo thời hạn lưu trữ, không thể gửi lại" } }],
    });
    // Nothing moved, nothing was audited, the worker was not woken: the batch is refused whole.
    expect((await list(supervisor, "")).body.counts).toMatchObject({ rejected: 1, dead: 1, pending: 0 });
    expect(wakes).toBe(0);
    const audit = staffAuditListResponseSchema.parse((await as(t.app, admin, "get", "/api/staff/audit")).body);
    expect(audit.entries.filter((e) => e.action === "forwarding.retried")).toEqual([]);
    // The repository's own resend paths never move it either (a caller that skips `requeue`).
    const outbox = new OutboxRepository(db);
    expect(await outbox.retryRejected(rejected.id, clock.now())).toBe(false);
    expect(await new DeclarationRepository(db).findById(rejected.id)).toMatchObject({ status: "rejected" });

    const rest = await as(t.app, supervisor, "post", "/api/staff/forwarding/retry").send({ declarationIds: [dead.id], reason: "gửi lại sau khi sửa" });
    expect(forwardingRetryResponseSchema.parse(rest.body)).toEqual({ retried: { rejected: [], dead: [dead.id] }, skipped: [] });
    expect(await worker.drainOnce()).toBe(1);
  });

  it("when a dead row's declaration was purged, then retryDead leaves it on the list", async () => {
    const { dead } = await rejectedAndDead();
    // Retention only purges delivered declarations; a purge by hand (or a future rule) must still not make it sendable.
    await db.run("UPDATE declarations SET sealed = $1, personal_data_purged_at = $2 WHERE id = $3", [Buffer.alloc(0), clock.now(), dead.id]);
    expect(await new OutboxRepository(db).retryDead([dead.id], clock.now())).toBe(0);
    const refused = await as(t.app, supervisor, "post", "/api/staff/forwarding/retry").send({ declarationIds: [dead.id], reason: "gửi lại sau khi sửa" });
    expect([refused.status, refused.body.error.code]).toEqual([409, "forwarding.personal_data_purged"]);
    expect((await list(supervisor, "?state=dead")).body.counts).toMatchObject({ dead: 1, pending: 0 });
  });

  it("when there are more rows than a page, then `before` pages through them newest first", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await storeDeclaration(db, cipher, clock.now());
      ids.push(d.id);
      await control({ rejectIds: [d.id] });
      await worker.drainOnce();
      clock.advance(1000);
    }
    const first = await list(supervisor, "?state=rejected&limit=2");
    expect(first.body.items.map((i) => i.declarationId)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextBefore).not.toBeNull();
    const second = await list(supervisor, `?state=rejected&limit=2&before=${encodeURIComponent(first.body.nextBefore ?? "")}`);
    expect(second.body.items.map((i) => i.declarationId)).toEqual([ids[0]]);
    expect(second.body.nextBefore).toBeNull();
    expect((await as(t.app, supervisor, "get", "/api/staff/forwarding?state=done")).status).toBe(400);
  });
});
