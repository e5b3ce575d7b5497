import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRetentionOverview } from "../privacy/feature";
import request from "supertest";
import { loadConfig } from "../config";
import { createLogger } from "../observability/logger";
import { openTestDatabases } from "../storage/testing";
import type { Database } from "../storage";
import { createStaffModule } from "./index";
import { parseBootstrapAdmin } from "./bootstrap";
import { staffTestApp, testDeadLetters, TEST_SCRYPT } from "./testing";

describe("STAFF_BOOTSTRAP_ADMIN", () => {
  it("when production is configured with it, then the server refuses to start and names the variable", () => {
    expect(() => loadConfig({ NODE_ENV: "production", STAFF_BOOTSTRAP_ADMIN: "boss:long enough password" })).toThrow(/STAFF_BOOTSTRAP_ADMIN: is refused in production/);
    expect(() => createStaffModule({
        db: {} as Database,
        logger: createLogger({ level: "silent" }),
        production: true,
        consoleDir: "/x",
        bootstrapAdmin: "boss:long enough password",
        deadLetters: testDeadLetters({} as Database, () => new Date()),
        retention: createRetentionOverview({} as Database, 30, () => new Date()),
      }),).toThrow(/refused in production/);
  });

  it("when the value is malformed, then config names it without echoing the password", () => {
    let message = "";
    try {
      loadConfig({ STAFF_BOOTSTRAP_ADMIN: "boss:short" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("STAFF_BOOTSTRAP_ADMIN");
    expect(message).not.toContain("short");
    expect(parseBootstrapAdmin("Boss:pass:with:colons")).toEqual({ username: "boss", password: "pass:with:colons" });
    expect(parseBootstrapAdmin("nocolon")).toBeUndefined();
  });
});

describe.each(openTestDatabases({ migrate: true }))("development admin bootstrap ($name)", ({ open }) => {
  let db: Database;
  beforeEach(async () => {
    db = await open();
  });
  afterEach(async () => {
    await db.close();
  });

  it("when the server starts with it, then that admin exists and can sign in; a restart does not reset a changed password", async () => {
    const first = staffTestApp(db, { bootstrapAdmin: "dev.admin:dev-password-1" });
    await first.staff.start();
    first.staff.stop();
    const login = (password: string) => request(first.app).post("/api/staff/login").send({ username: "dev.admin", password });
    const res = await login("dev-password-1");
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: "admin", mustChangePassword: false });

    const account = await first.staff.manage.list();
    await first.staff.manage.resetPassword(account[0]!.id, "changed password 1", null, { mustChange: false });
    const second = createStaffModule({
      db,
      logger: createLogger({ level: "silent" }),
      production: false,
      consoleDir: "/x",
      hashing: TEST_SCRYPT,
      bootstrapAdmin: "dev.admin:dev-password-1",
      deadLetters: testDeadLetters(db, () => new Date()),
      retention: createRetentionOverview(db, 30, () => new Date()),
    });
    await second.start();
    second.stop();
    expect((await login("dev-password-1")).status).toBe(401);
    expect((await login("changed password 1")).status).toBe(200);
    expect(await first.staff.manage.list()).toHaveLength(1);
  });
});
