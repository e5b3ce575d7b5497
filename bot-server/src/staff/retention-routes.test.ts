import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { retentionRunResponseSchema, retentionRunsResponseSchema } from "@khaibao/shared";
import { seedCheckpoints, storeDeclaration, testCipher } from "../declarations/testing";
import type { Database } from "../storage";
import { openTestDatabases } from "../storage/testing";
import { as, staffTestApp, type StaffTestApp } from "./testing";

describe.each(openTestDatabases({ migrate: true }))("retention page API ($name)", ({ open }) => {
  let db: Database;
  let t: StaffTestApp;
  beforeEach(async () => {
    db = await open();
    t = staffTestApp(db);
    await seedCheckpoints(db);
  });
  afterEach(async () => {
    await (db as Database | undefined)?.close();
  });

  it("when an admin runs the job now, then forwarded declarations past the limit are purged, the run is listed, and the audit log says who ran it", async () => {
    const cipher = await testCipher();
    const old = await storeDeclaration(db, cipher, new Date(t.clock.now().getTime() - 40 * 86_400_000));
    await db.run("UPDATE declaration_outbox SET state = 'done' WHERE declaration_id = $1", [old.id]);
    await storeDeclaration(db, cipher, t.clock.now());
    await t.account("quantri.an", "admin");
    const admin = await t.login("quantri.an");

    const ran = await as(t.app, admin, "post", "/api/staff/privacy/retention/run").send({});
    expect(ran.status).toBe(200);
    const { run } = retentionRunResponseSchema.parse(ran.body);
    expect(run).toMatchObject({ trigger: "console", declarationsPurged: 1, error: null });

    const page = retentionRunsResponseSchema.parse((await as(t.app, admin, "get", "/api/staff/privacy/retention")).body);
    expect(page).toMatchObject({ retentionDays: 30, heldForDelivery: 0, runs: [{ id: run?.id, declarationsPurged: 1 }] });
    const audit = await t.staff.audit.list({ limit: 5 });
    expect(audit[0]).toMatchObject({ action: "privacy.retention_run", actorUsername: "quantri.an", targetType: "retention_run", targetId: String(run?.id), details: { declarationsPurged: 1, inboxPurged: 0, messagesPurged: 0, deletionRequestsDone: 0 } });
  });

  it("when a supervisor asks to run it, then 403: they only see the runs", async () => {
    await t.account("truongca.an", "supervisor");
    const supervisor = await t.login("truongca.an");
    expect((await as(t.app, supervisor, "post", "/api/staff/privacy/retention/run").send({})).status).toBe(403);
    expect((await as(t.app, supervisor, "get", "/api/staff/privacy/retention")).status).toBe(200);
  });
});
