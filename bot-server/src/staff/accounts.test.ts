import { afterEach, beforeEach, describe, expect, it } from "vitest";
import request from "supertest";
import { staffAccountListResponseSchema, staffAccountResponseSchema, staffAuditListResponseSchema } from "@khaibao/shared";
import { openTestDatabases } from "../storage/testing";
import type { Database } from "../storage";
import { as, staffTestApp, TEST_PASSWORD, type SignedIn, type StaffTestApp } from "./testing";

describe.each(openTestDatabases({ migrate: true }))("account management ($name)", ({ open }) => {
  let db: Database;
  let t: StaffTestApp;
  let admin: SignedIn;
  let adminId: string;

  beforeEach(async () => {
    db = await open();
    t = staffTestApp(db);
    adminId = await t.account("admin1", "admin");
    admin = await t.login("admin1");
  });
  afterEach(async () => {
    await db.close();
  });

  const create = (body: Record<string, unknown>) => as(t.app, admin, "post", "/api/staff/accounts").set("X-Request-Id", "req-create-1").send(body);
  const loginStatus = async (username: string, password = TEST_PASSWORD) =>
    (await request(t.app).post("/api/staff/login").send({ username, password })).status;

  it("when an admin creates an officer, then it is listed, must change its password, and the audit log says who did it in which request", async () => {
    const res = await create({ username: "  Pv.Tram3 ", displayName: "Trần Văn Ba", role: "checkpoint_officer", password: "temporary pass 1" });
    expect(res.status).toBe(201);
    const { account } = staffAccountResponseSchema.parse(res.body);
    expect(account).toMatchObject({ username: "pv.tram3", displayName: "Trần Văn Ba", role: "checkpoint_officer", disabled: false, mustChangePassword: true, lockedUntil: null });
    expect(JSON.stringify(res.body)).not.toMatch(/temporary|scrypt/);

    const list = staffAccountListResponseSchema.parse((await as(t.app, admin, "get", "/api/staff/accounts")).body);
    expect(list.accounts.map((a) => a.username)).toEqual(["admin1", "pv.tram3"]);

    const audit = staffAuditListResponseSchema.parse((await as(t.app, admin, "get", "/api/staff/audit")).body);
    expect(audit.entries[0]).toMatchObject({
      action: "staff.account_created",
      actorId: adminId,
      actorUsername: "admin1",
      targetType: "staff_account",
      targetId: account.id,
      requestId: "req-create-1",
      details: { username: "pv.tram3", role: "checkpoint_officer" },
    });
    expect(JSON.stringify(audit)).not.toContain("temporary pass 1");
  });

  it("when the username is taken or the input is bad, then the fields say why", async () => {
    const taken = await create({ username: "ADMIN1", displayName: "X", role: "agent", password: "long enough pw" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields[0]).toMatchObject({ path: "username", code: "staff.username_taken" });
    const bad = await create({ username: "có dấu", displayName: "", role: "boss", password: "short" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`).sort()).toEqual([
      "displayName:required",
      "password:staff.password_too_short",
      "role:invalid_value",
      "username:staff.username_format",
    ]);
    expect(bad.body.error.fields.find((f: { path: string }) => f.path === "password").messages.vi).toBe("Mật khẩu cần ít nhất 10 ký tự");
  });

  it("when an admin changes a role, then the person's next request has the new role, and the change is logged with its reason", async () => {
    const id = await t.account("agent1", "agent");
    const agent = await t.login("agent1");
    const res = await as(t.app, admin, "patch", `/api/staff/accounts/${id}`).send({ role: "supervisor", reason: "Lên trưởng ca" });
    expect(res.status).toBe(200);
    expect(res.body.account.role).toBe("supervisor");
    expect((await as(t.app, agent, "get", "/api/staff/session")).body.user.role).toBe("supervisor");
    const [entry] = (await t.staff.audit.list({ limit: 1 })) as [unknown];
    expect(entry).toMatchObject({ action: "staff.account_updated", targetId: id, reason: "Lên trưởng ca", details: { role: { from: "agent", to: "supervisor" } } });
  });

  it("when an account is disabled, then its sessions end at once and it cannot sign in; enabling it again lets it in", async () => {
    const id = await t.account("officer1", "checkpoint_officer");
    const officer = await t.login("officer1");
    expect((await as(t.app, admin, "patch", `/api/staff/accounts/${id}`).send({ disabled: true, reason: "Nghỉ việc" })).status).toBe(200);
    expect((await as(t.app, officer, "get", "/api/staff/session")).status).toBe(401);
    expect(await loginStatus("officer1")).toBe(401);
    expect((await as(t.app, admin, "patch", `/api/staff/accounts/${id}`).send({ disabled: false })).status).toBe(200);
    expect(await loginStatus("officer1")).toBe(200);
  });

  it("when an admin resets a password, then the old one and every session stop working, and the new one must be changed", async () => {
    const id = await t.account("agent1", "agent");
    const agent = await t.login("agent1");
    const res = await as(t.app, admin, "post", `/api/staff/accounts/${id}/password`).send({ password: "temporary pass 2", reason: "Quên mật khẩu" });
    expect(res.status).toBe(200);
    expect(res.body.account.mustChangePassword).toBe(true);
    expect((await as(t.app, agent, "get", "/api/staff/session")).status).toBe(401);
    expect(await loginStatus("agent1")).toBe(401);
    expect(await loginStatus("agent1", "temporary pass 2")).toBe(200);
  });

  it("when an admin tries to disable, demote or reset themself, then 409 staff.cannot_change_self", async () => {
    for (const [method, path, body] of [
      ["patch", `/api/staff/accounts/${adminId}`, { disabled: true }],
      ["patch", `/api/staff/accounts/${adminId}`, { role: "agent" }],
      ["post", `/api/staff/accounts/${adminId}/password`, { password: "whatever long 1" }],
    ] as const) {
      const res = await as(t.app, admin, method, path).send(body);
      expect(res.status, path).toBe(409);
      expect(res.body.error.code).toBe("staff.cannot_change_self");
    }
    // Renaming oneself is fine.
    expect((await as(t.app, admin, "patch", `/api/staff/accounts/${adminId}`).send({ displayName: "Quản trị" })).status).toBe(200);
  });

  it("when a change would leave no active admin, then 409 staff.last_admin (a guard beneath the self-change rule, for tools like the CLI)", async () => {
    const system = { id: "cli", username: "(cli)" };
    await expect(t.staff.manage.update(adminId, { role: "agent" }, system)).rejects.toMatchObject({ code: "staff.last_admin", status: 409 });
    await expect(t.staff.manage.update(adminId, { disabled: true }, system)).rejects.toMatchObject({ code: "staff.last_admin" });
    const otherId = await t.account("admin2", "admin");
    await t.staff.manage.update(adminId, { role: "supervisor" }, system);
    await expect(t.staff.manage.update(otherId, { disabled: true }, system)).rejects.toMatchObject({ code: "staff.last_admin" });
    expect((await t.staff.manage.update(otherId, { displayName: "Vẫn là admin" }, system)).role).toBe("admin");
  });

  it("when a row of the audit log is updated or deleted, then the database refuses", async () => {
    await create({ username: "x.y", displayName: "X Y", role: "agent", password: "long enough pw" });
    await expect(db.run("UPDATE staff_audit_log SET action = 'nothing'")).rejects.toThrow(/append-only/);
    await expect(db.run("DELETE FROM staff_audit_log")).rejects.toThrow(/append-only/);
    expect((await t.staff.audit.list({ limit: 10 })).length).toBeGreaterThan(0);
  });

  it("when the audit log is paged, then pages are newest first and do not overlap", async () => {
    for (let i = 0; i < 5; i++) await create({ username: `user${i}`, displayName: `U ${i}`, role: "agent", password: "long enough pw" });
    const first = staffAuditListResponseSchema.parse((await as(t.app, admin, "get", "/api/staff/audit?limit=3")).body).entries;
    expect(first).toHaveLength(3);
    const next = staffAuditListResponseSchema.parse((await as(t.app, admin, "get", `/api/staff/audit?limit=3&before=${first[2]?.id}`)).body).entries;
    expect(next.map((e) => e.id).every((id) => id < (first[2]?.id ?? 0))).toBe(true);
    expect(first.map((e) => e.details?.["username"])).toEqual(["user4", "user3", "user2"]);
  });

  it("when an account id is not a uuid or unknown, then 404 staff.account_not_found", async () => {
    expect((await as(t.app, admin, "patch", "/api/staff/accounts/1%20OR%201=1").send({ displayName: "x" })).body.error.code).toBe("staff.account_not_found");
    expect((await as(t.app, admin, "post", "/api/staff/accounts/00000000-0000-4000-8000-000000000000/unlock")).status).toBe(404);
  });
});
