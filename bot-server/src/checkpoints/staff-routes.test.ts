import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkpointListResponseSchema, staffCheckpointListResponseSchema, staffCheckpointResponseSchema, type CheckpointCreateRequest } from "@khaibao/shared";
import { seedCheckpoints } from "../declarations/testing";
import { createApp } from "../http/app";
import { createLogger } from "../observability/logger";
import { createMetrics } from "../observability/metrics";
import { operatorTestRoutes, testAdminUnits, TEST_MINI_APP_ID } from "../operations/testing";
import { as, staffTestApp, type SignedIn, type StaffTestApp } from "../staff/testing";
import type { Database } from "../storage";
import { openTestDatabases } from "../storage/testing";
import { CheckpointRepository } from "./repository";
import { checkpointsRouter } from "./routes";

/**
 * The checkpoint registry's staff API: admins create, edit and deactivate checkpoints, every
 * change lands in the audit log with the record before and after, wards are checked against
 * the real administrative units, and the public list follows the active period.
 */

const NEW_CHECKPOINT: CheckpointCreateRequest = {
  id: "hn-giaplu",
  name: "Bến xe Giáp Bát",
  provinceCode: "01",
  wardCode: "00337",
  address: "Số 6 Giải Phóng",
  direction: "into",
  latitude: 20.98,
  longitude: 105.841,
  activeFrom: "2026-03-01T00:00:00+07:00",
  activeTo: null,
  notes: "Ca đêm do công an phường phụ trách",
  reason: "Mở chốt mới theo chỉ đạo",
};

interface AuditRow {
  actor_username: string | null;
  action: string;
  target_id: string;
  reason: string | null;
  details: string;
}

describe.each(openTestDatabases({ migrate: true }))("checkpoint registry API ($name)", ({ open }) => {
  let db: Database;
  let t: StaffTestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  let supervisor: SignedIn;

  beforeEach(async () => {
    db = await open();
    await seedCheckpoints(db);
    const routes = await operatorTestRoutes(db, { now: () => t.clock.now() });
    t = staffTestApp(db, { routes });
    await t.account("quantri", "admin");
    await t.account("hotro", "agent");
    await t.account("truongca", "supervisor");
    admin = await t.login("quantri");
    agent = await t.login("hotro");
    supervisor = await t.login("truongca");
  });
  afterEach(async () => {
    await db.close();
  });

  const audit = () => db.all<AuditRow>("SELECT actor_username, action, target_id, reason, details FROM staff_audit_log WHERE action LIKE 'checkpoint.%' ORDER BY id");
  const publicList = async () => {
    const adminUnits = testAdminUnits();
    const places = { provinceName: (c: string) => adminUnits.province(c)?.name, wardName: (c: string) => adminUnits.ward(c)?.name };
    const app = createApp({ logger: createLogger({ level: "silent" }), metrics: createMetrics(), ping: async () => {}, api: [["/api/checkpoints", checkpointsRouter({ repo: new CheckpointRepository(db), places, now: t.clock.now })]], other: [] });
    return checkpointListResponseSchema.parse((await request(app).get("/api/checkpoints")).body).checkpoints.map((c) => c.id);
  };

  it("when an agent or a supervisor calls the registry, then it is refused with 403", async () => {
    for (const who of [agent, supervisor]) {
      expect((await as(t.app, who, "get", "/api/staff/checkpoints")).status).toBe(403);
      const res = await as(t.app, who, "post", "/api/staff/checkpoints").send(NEW_CHECKPOINT);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("http.forbidden");
    }
    expect(await audit()).toEqual([]);
  });

  it("when an admin lists checkpoints, then every one comes with names, activity and its deep link", async () => {
    const res = await as(t.app, admin, "get", "/api/staff/checkpoints");
    expect(res.status).toBe(200);
    const { checkpoints } = staffCheckpointListResponseSchema.parse(res.body);
    const phapVan = checkpoints.find((c) => c.id === "HN-PHAPVAN");
    expect(phapVan).toMatchObject({ provinceName: "Hà Nội", active: true, deepLink: `https://zalo.me/s/${TEST_MINI_APP_ID}/?checkpoint=HN-PHAPVAN&utm_source=zalo-qr` });
    expect(phapVan?.wardName).toMatch(/^Phường /);
    expect(checkpoints.find((c) => c.id === "HN-CLOSED")?.active).toBe(false);
  });

  it("when an admin creates a checkpoint, then it is stored, public, and audited with who, why and the new record", async () => {
    const res = await as(t.app, admin, "post", "/api/staff/checkpoints").send(NEW_CHECKPOINT);
    expect(res.status).toBe(201);
    const { checkpoint } = staffCheckpointResponseSchema.parse(res.body);
    expect(checkpoint).toMatchObject({ id: "HN-GIAPLU", name: "Bến xe Giáp Bát", activeFrom: "2026-02-28T17:00:00.000Z", active: true });
    expect(await publicList()).toContain("HN-GIAPLU");
    const [entry] = await audit();
    expect(entry).toMatchObject({ actor_username: "quantri", action: "checkpoint.created", target_id: "HN-GIAPLU", reason: "Mở chốt mới theo chỉ đạo" });
    expect(JSON.parse(entry?.details ?? "{}").after).toMatchObject({ name: "Bến xe Giáp Bát", wardCode: "00337", direction: "into" });

    const again = await as(t.app, admin, "post", "/api/staff/checkpoints").send(NEW_CHECKPOINT);
    expect(again.status).toBe(400);
    expect(again.body.error.fields).toEqual([
      { path: "id", code: "checkpoint.id_taken", message: "Mã chốt này đã được dùng", messages: { vi: "Mã chốt này đã được dùng", en: "This checkpoint code is already in use" } },
    ]);
  });

  it("when the input is wrong, then the answer names each field in Vietnamese and English and nothing is stored", async () => {
    const otherProvinceWard = testAdminUnits().wardsOf("79")?.[0];
    const res = await as(t.app, admin, "post", "/api/staff/checkpoints").send({
      ...NEW_CHECKPOINT,
      id: "giap bat",
      name: "  ",
      latitude: 21,
      longitude: null,
      activeFrom: "2026-03-10T00:00:00+07:00",
      activeTo: "2026-03-01T00:00:00+07:00",
    });
    expect(res.status).toBe(400);
    const fields = Object.fromEntries((res.body.error.fields as Array<{ path: string; code: string; messages: { vi: string; en: string } }>).map((f) => [f.path, f]));
    expect(fields["id"]?.code).toBe("checkpoint.id_format");
    expect(fields["name"]?.messages).toEqual({ vi: "Vui lòng nhập thông tin này", en: "This field is required" });
    expect(fields["longitude"]?.messages.en).toBe("Give both latitude and longitude, or neither");
    expect(fields["activeTo"]?.messages.vi).toBe("Ngày kết thúc phải sau ngày bắt đầu hoạt động");

    const ward = await as(t.app, admin, "post", "/api/staff/checkpoints").send({ ...NEW_CHECKPOINT, wardCode: otherProvinceWard?.code });
    expect(ward.status).toBe(400);
    expect(ward.body.error.fields[0]).toMatchObject({ path: "wardCode", code: "address.ward_not_in_province" });
    expect(ward.body.error.fields[0].messages.vi).toContain("Hà Nội");
    const unknown = await as(t.app, admin, "post", "/api/staff/checkpoints").send({ ...NEW_CHECKPOINT, wardCode: "99999" });
    expect(unknown.body.error.fields[0]).toMatchObject({ path: "wardCode", code: "address.ward_unknown", messages: { en: "Unknown ward or commune" } });
    expect(await audit()).toEqual([]);
    expect(await new CheckpointRepository(db).get("HN-GIAPLU")).toBeUndefined();
  });

  it("when an admin edits a checkpoint, then the audit entry holds the record before and after and the changed fields", async () => {
    const { id: _id, ...fields } = NEW_CHECKPOINT;
    const res = await as(t.app, admin, "patch", "/api/staff/checkpoints/HN-PHAPVAN").send({ ...fields, name: "Pháp Vân (hướng vào)", reason: "Đổi tên theo biển báo" });
    expect(res.status).toBe(200);
    expect(res.body.checkpoint.name).toBe("Pháp Vân (hướng vào)");
    const [entry] = await audit();
    expect(entry).toMatchObject({ actor_username: "quantri", action: "checkpoint.updated", target_id: "HN-PHAPVAN", reason: "Đổi tên theo biển báo" });
    const details = JSON.parse(entry?.details ?? "{}");
    expect(details.before.name).toBe("Pháp Vân - Cầu Giẽ");
    expect(details.after.name).toBe("Pháp Vân (hướng vào)");
    expect(details.changed).toEqual(expect.arrayContaining(["name", "direction", "notes"]));

    expect((await as(t.app, admin, "patch", "/api/staff/checkpoints/HN-NOWHERE").send(fields)).status).toBe(404);
    // Saved again unchanged: nothing more in the log.
    expect((await as(t.app, admin, "patch", "/api/staff/checkpoints/HN-PHAPVAN").send({ ...fields, name: "Pháp Vân (hướng vào)" })).status).toBe(200);
    expect(await audit()).toHaveLength(1);
  });

  it("when an admin deactivates a checkpoint, then it leaves the public list at once and the change is audited", async () => {
    expect(await publicList()).toContain("HN-BALA");
    const res = await as(t.app, admin, "post", "/api/staff/checkpoints/HN-BALA/deactivate").send({ reason: "Dỡ chốt" });
    expect(res.status).toBe(200);
    expect(res.body.checkpoint).toMatchObject({ active: false, activeTo: t.clock.now().toISOString() });
    expect(await publicList()).not.toContain("HN-BALA");
    const [entry] = await audit();
    expect(entry).toMatchObject({ action: "checkpoint.deactivated", target_id: "HN-BALA", reason: "Dỡ chốt" });
    expect(JSON.parse(entry?.details ?? "{}")).toMatchObject({ before: { activeTo: null }, after: { activeTo: t.clock.now().toISOString() }, changed: ["activeTo"] });
    const twice = await as(t.app, admin, "post", "/api/staff/checkpoints/HN-BALA/deactivate").send({});
    expect(twice.status).toBe(409);
    expect(twice.body.error.messages.en).toBe("This checkpoint is already inactive");
  });

  it("when a checkpoint opens in the future, then the public list shows it only from then on", async () => {
    await as(t.app, admin, "post", "/api/staff/checkpoints").send({ ...NEW_CHECKPOINT, activeFrom: "2026-03-05T00:00:00+07:00", activeTo: "2026-03-06T00:00:00+07:00" });
    expect(await publicList()).not.toContain("HN-GIAPLU");
    t.clock.advance(3 * 86_400_000);
    expect(await publicList()).toContain("HN-GIAPLU");
    t.clock.advance(86_400_000);
    expect(await publicList()).not.toContain("HN-GIAPLU");
  });
});
