import request from "supertest";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentConsentText, deletionRequestResponseSchema, myConsentsResponseSchema, submitDeclarationResponseSchema } from "@khaibao/shared";
import { InboxRepository } from "../../inbox";
import { AuditLog } from "../../staff/audit";
import type { Database } from "../../storage";
import { openTestDatabases } from "../../storage/testing";
import { startZaloGraphStandin } from "../../standins/zalo-graph";
import type { RunningStandin } from "../../standins/listen";
import { GRAPH_APP_SECRET, newZaloUser, privacyTestApp, userIdOf, type PrivacyTestApp } from "../testing";

let graph: RunningStandin;
beforeAll(async () => {
  graph = await startZaloGraphStandin({ appSecret: GRAPH_APP_SECRET });
});
afterAll(() => graph.stop());

describe.each(openTestDatabases({ migrate: true }))("the citizen's privacy API on $name", ({ open }) => {
  let db: Database;
  let t: PrivacyTestApp;
  beforeEach(async () => {
    db = await open();
    t = await privacyTestApp(db, graph);
  });
  afterEach(async () => {
    await (db as Database | undefined)?.close();
  });

  const consentsOf = async (user: string) => myConsentsResponseSchema.parse((await request(t.app).get("/api/me/consents").set("x-zalo-access-token", user)).body);
  const give = (user: string, scope: string, version: string) => request(t.app).post("/api/me/consents").set("x-zalo-access-token", user).send({ scope, version });
  const withdraw = (user: string, scope: string) => request(t.app).post(`/api/me/consents/${scope}/withdraw`).set("x-zalo-access-token", user).send({});
  const phone = (user: string) => request(t.app).post("/api/me/phone").set("x-zalo-access-token", user).send({ token: "devphone:0912345678" });

  it("when the first declaration arrives, then its consent is recorded (version and the time the device committed it) and listed", async () => {
    const user = newZaloUser();
    expect(await consentsOf(user)).toEqual({ consents: [], active: { declaration: false, phone: false, profile: false } });
    expect((await t.declare(user, { committedAt: "2026-11-28T15:58:00+07:00" })).status).toBe(201);
    expect((await t.declare(user)).status).toBe(201);
    const { consents, active } = await consentsOf(user);
    expect(active).toEqual({ declaration: true, phone: false, profile: false });
    expect(consents).toEqual([
      { id: expect.any(String), scope: "declaration", version: currentConsentText("declaration").version, givenAt: "2026-11-28T08:58:00.000Z", withdrawnAt: null },
    ]);
  });

  it("when several citizens declare at once, then each first declaration records its consent with it", async () => {
    const users = Array.from({ length: 6 }, () => newZaloUser());
    const answers = await Promise.all(users.map((u) => t.declare(u)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    for (const u of users) expect((await consentsOf(u)).consents.map((c) => [c.scope, c.withdrawnAt])).toEqual([["declaration", null]]);
    expect((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM privacy_consents"))?.n).toBe(6);
  });

  it("when the declaration consent is withdrawn, then a declaration committed before that is refused, and one committed after it records the consent again", async () => {
    const user = newZaloUser();
    expect((await t.declare(user, { committedAt: "2026-11-28T08:00:00.000Z" })).status).toBe(201);
    t.clock.advanceDays(1);
    expect((await withdraw(user, "declaration")).status).toBe(200);
    expect((await consentsOf(user)).active.declaration).toBe(false);
    // Queued offline before the withdrawal, sent after it: refused.
    const stale = await t.declare(user, { committedAt: "2026-11-29T08:00:00.000Z" });
    expect([stale.status, stale.body.error.code]).toEqual([403, "consent.withdrawn"]);
    // The app asked again and the citizen agreed: accepted, consent active again.
    t.clock.advanceDays(1 / 24);
    const fresh = await t.declare(user, { committedAt: "2026-11-29T09:30:00.000Z" });
    expect(fresh.status).toBe(201);
    const { consents, active } = await consentsOf(user);
    expect(active.declaration).toBe(true);
    expect(consents.map((c) => [c.givenAt, c.withdrawnAt])).toEqual([
      ["2026-11-29T09:30:00.000Z", null],
      ["2026-11-28T08:00:00.000Z", "2026-11-29T09:00:00.000Z"],
    ]);
    expect((await withdraw(user, "phone")).status).toBe(404);
  });

  it("when a declaration carries a consent version we never published, then it is refused at that field", async () => {
    const res = await t.declare(newZaloUser(), { overrides: { commitment: { truthful: true, consent: true, consentVersion: "1999-01-01" } } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ path: "declaration.commitment.consentVersion", code: "consent.version_unknown" })]);
    expect((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declarations"))?.n).toBe(0);
  });

  it("when the phone is asked for without consent, then 403; with consent it is read; after withdrawal it is refused again", async () => {
    const user = newZaloUser();
    const refused = await phone(user);
    expect([refused.status, refused.body.error.code]).toEqual([403, "consent.required"]);
    expect((await give(user, "phone", "1999-01-01")).status).toBe(400);
    expect((await give(user, "phone", currentConsentText("phone").version)).status).toBe(201);
    expect((await phone(user)).body).toEqual({ phone: "+84912345678" });
    expect((await withdraw(user, "phone")).status).toBe(200);
    const after = await phone(user);
    expect([after.status, after.body.error.code]).toEqual([403, "consent.required"]);
  });

  it("when the profile consent is missing or withdrawn, then /api/me answers without the Zalo name", async () => {
    const user = `${newZaloUser()}:An`;
    const me = () => request(t.app).get("/api/me").set("x-zalo-access-token", user);
    expect((await me()).body.user.name).toBeNull();
    await give(user, "profile", currentConsentText("profile").version);
    expect((await me()).body.user.name).toBe("An");
    await withdraw(user, "profile");
    expect((await me()).body.user.name).toBeNull();
  });

  it("when a citizen asks to delete their data, then forwarded declarations are purged at once, an unsent one is delivered first, and the request completes, audited", async () => {
    const user = newZaloUser();
    const other = newZaloUser();
    for (const who of [user, user, other]) expect((await t.declare(who)).status).toBe(201);
    await t.forward();
    t.backend.up = false;
    const pending = submitDeclarationResponseSchema.parse((await t.declare(user)).body).receipt;
    await t.forward();

    // What the citizen shared in the support chat (sealed), and a chat of someone else.
    for (const id of [userIdOf(user), userIdOf(other)]) {
      await db.run(
        "INSERT INTO support_conversations (user_id, contact_name_sealed, contact_name_index, contact_phone_sealed, contact_phone_index, updated_at) VALUES ($1, $2, 'n', $2, 'p', $3)",
        [id, Buffer.from("sealed"), t.clock.now()],
      );
    }
    // The citizen's chat under its OA-scoped id, linked to the mini app's id as Zalo reports it.
    await db.run(
      "INSERT INTO support_conversations (user_id, app_user_id, contact_name_sealed, contact_name_index, contact_phone_sealed, contact_phone_index, updated_at) VALUES ('oa-linked', $1, $2, 'n', $2, 'p', $3)",
      [userIdOf(user), Buffer.from("sealed"), t.clock.now()],
    );
    // Staff's private notes about each chat, which can quote the citizen's ID number.
    const notes = new InboxRepository(db);
    for (const id of [userIdOf(user), "oa-linked", userIdOf(other)]) await notes.addNote(id, { id: "staff-1", name: "Trần Thị Lan" }, `CCCD 001090123456 (${id})`, t.clock.now());

    const asked = await request(t.app).post("/api/me/deletion-requests").set("x-zalo-access-token", user).send({});
    expect(asked.status).toBe(201);
    const contacts = await db.all<{ user_id: string; n: Buffer | null; p: string | null }>("SELECT user_id, contact_name_sealed AS n, contact_phone_index AS p FROM support_conversations");
    expect(Object.fromEntries(contacts.map((c) => [c.user_id, [c.n === null, c.p]]))).toEqual({ [userIdOf(user)]: [true, null], "oa-linked": [true, null], [userIdOf(other)]: [false, "p"] });
    expect(await db.all("SELECT user_id, text FROM support_notes")).toEqual([{ user_id: userIdOf(other), text: `CCCD 001090123456 (${userIdOf(other)})` }]);
    const first = deletionRequestResponseSchema.parse(asked.body).request;
    expect(first).toMatchObject({ status: "waiting_delivery", declarationsPurged: 2, declarationsWaiting: 1, completedAt: null });
    // Asking again while it waits answers the same request.
    const again = await request(t.app).post("/api/me/deletion-requests").set("x-zalo-access-token", user).send({});
    expect([again.status, again.body.request.id]).toEqual([200, first?.id]);

    const rows = await db.all<{ id: string; zalo_user_id: string; sealed: Buffer }>("SELECT id, zalo_user_id, sealed FROM declarations ORDER BY created_at, id");
    expect(rows.filter((r) => r.sealed.length === 0)).toHaveLength(2);
    expect(rows.filter((r) => r.zalo_user_id === userIdOf(other))).toHaveLength(1);

    // The backend comes back: the waiting declaration reaches it whole, then the next run purges it.
    t.backend.up = true;
    t.clock.advanceDays(1 / 24);
    await t.forward();
    expect(t.backend.received.map((r) => r.declarationId)).toContain(pending.declarationId);
    expect(await t.privacy.retention.run("schedule")).toMatchObject({ run: { deletionRequestsDone: 1 } });
    const status = deletionRequestResponseSchema.parse((await request(t.app).get("/api/me/deletion-requests").set("x-zalo-access-token", user)).body).request;
    expect(status).toMatchObject({ id: first?.id, status: "done", declarationsPurged: 3, declarationsWaiting: 0, completedAt: t.clock.now().toISOString() });
    expect((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declarations WHERE zalo_user_id = $1", [userIdOf(user)]))?.n).toBe(0);
    expect((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declarations"))?.n).toBe(4);

    const audit = await new AuditLog(db).list({ limit: 10 });
    expect(audit.map((e) => [e.action, e.targetType, e.targetId, e.actorId])).toEqual([
      ["privacy.deletion_completed", "deletion_request", first?.id, null],
      ["privacy.deletion_requested", "deletion_request", first?.id, null],
    ]);
    expect(audit[0]?.details).toEqual({ declarationsPurged: 3 });
  });

  it("when everything was already forwarded, then the deletion request is done at once; without a token it is refused", async () => {
    const user = newZaloUser();
    expect((await t.declare(user)).status).toBe(201);
    await t.forward();
    const res = await request(t.app).post("/api/me/deletion-requests").set("x-zalo-access-token", user).send({});
    expect(res.body.request).toMatchObject({ status: "done", declarationsPurged: 1, declarationsWaiting: 0 });
    expect((await request(t.app).post("/api/me/deletion-requests").send({})).status).toBe(401);
    expect((await request(t.app).get("/api/me/deletion-requests").set("x-zalo-access-token", newZaloUser())).body).toEqual({ request: null });
  });
});

describe("the citizen's privacy API, rate limited", () => {
  it("when one user changes consents or asks for deletion too often, then 429 with Retry-After, and another user is not affected", async () => {
    const sqlite = openTestDatabases({ migrate: true }).find((d) => d.name === "sqlite");
    if (!sqlite) throw new Error("no SQLite test database");
    const db = await sqlite.open();
    try {
      const t = await privacyTestApp(db, graph);
      const user = newZaloUser();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await request(t.app).post(i % 2 ? "/api/me/consents/phone/withdraw" : "/api/me/consents").set("x-zalo-access-token", user).send({ scope: "phone", version: currentConsentText("phone").version });
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([201, 200, 201, 200, 201, 200, 201, 200, 201, 200, 429]);
      expect((await request(t.app).post("/api/me/deletion-requests").set("x-zalo-access-token", newZaloUser()).send({})).status).toBe(201);
    } finally {
      await db.close();
    }
  });
});
