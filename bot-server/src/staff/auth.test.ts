import { afterEach, beforeEach, describe, expect, it } from "vitest";
import request from "supertest";
import { errorBodySchema, staffSessionResponseSchema } from "@khaibao/shared";
import { openTestDatabases } from "../storage/testing";
import type { Database } from "../storage";
import { as, signedInFrom, staffTestApp, TEST_PASSWORD, type StaffTestApp } from "./testing";

const MINUTE = 60_000;

describe.each(openTestDatabases({ migrate: true }))("staff sign-in ($name)", ({ open }) => {
  let db: Database;
  let t: StaffTestApp;

  beforeEach(async () => {
    db = await open();
    t = staffTestApp(db);
    await t.account("admin1", "admin");
    await t.account("officer1", "checkpoint_officer");
  });
  afterEach(async () => {
    await db.close();
  });

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    request(t.app).post("/api/staff/login").set(headers).send({ username, password });

  describe("cookies", () => {
    it("when someone signs in during development, then the cookie is HttpOnly, SameSite=Strict, Path=/ and not Secure (plain http)", async () => {
      const res = await login("officer1", TEST_PASSWORD);
      expect(res.status).toBe(200);
      const cookie = res.headers["set-cookie"]?.[0] ?? "";
      expect(cookie).toMatch(/^khaibao_staff=[A-Za-z0-9_-]{43}; /);
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Strict");
      expect(cookie).toContain("Path=/");
      expect(cookie).not.toContain("Secure");
      expect(cookie).not.toMatch(/Max-Age|Expires|Domain/i);
      const body = staffSessionResponseSchema.parse(res.body);
      expect(body.user).toMatchObject({ username: "officer1", role: "checkpoint_officer", mustChangePassword: false });
      expect(res.headers["cache-control"]).toBe("no-store");
    });

    it("when the server runs in production, then the cookie is __Host- prefixed and Secure", async () => {
      const prod = staffTestApp(db, { production: true });
      const res = await request(prod.app).post("/api/staff/login").send({ username: "officer1", password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      const cookie = res.headers["set-cookie"]?.[0] ?? "";
      expect(cookie).toMatch(/^__Host-khaibao_staff=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
      // ... and that cookie opens the session.
      const who = signedInFrom(res);
      expect((await as(prod.app, who, "get", "/api/staff/session")).status).toBe(200);
    });

    it("when a session is stored, then the database holds a hash of the token, never the cookie's value", async () => {
      const who = await t.login("officer1");
      const token = who.cookie.split("=")[1] as string;
      const rows = await db.all<{ id: string }>("SELECT id FROM staff_sessions");
      expect(rows).toHaveLength(1);
      expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(JSON.stringify(await db.all("SELECT * FROM staff_accounts"))).not.toContain(TEST_PASSWORD);
    });
  });

  describe("wrong passwords", () => {
    it("when the password or the username is wrong, then both answer the same 401 staff.login_failed", async () => {
      const wrongPassword = await login("officer1", "not the password");
      const wrongUser = await login("nobody", "not the password");
      for (const res of [wrongPassword, wrongUser]) {
        expect(res.status).toBe(401);
        expect(errorBodySchema.parse(res.body).error.code).toBe("staff.login_failed");
        expect(res.headers["set-cookie"]).toBeUndefined();
      }
    });

    it("when 10 wrong passwords are typed, then the account is locked for 15 minutes, even for the right password", async () => {
      for (let i = 1; i <= 9; i++) expect((await login("officer1", `wrong ${i}`)).status, `attempt ${i}`).toBe(401);
      const tenth = await login("officer1", "wrong 10");
      expect(tenth.status).toBe(429);
      expect(tenth.body.error.code).toBe("staff.account_locked");
      expect(tenth.body.error.messages.vi).toContain("15 phút");
      expect(tenth.headers["retry-after"]).toBe("900");

      const right = await login("officer1", TEST_PASSWORD);
      expect(right.status).toBe(429);
      expect(right.body.error.code).toBe("staff.account_locked");
      // Other people are not affected.
      expect((await login("admin1", TEST_PASSWORD)).status).toBe(200);

      t.clock.advance(14 * MINUTE);
      expect((await login("officer1", TEST_PASSWORD)).status).toBe(429);
      t.clock.advance(1 * MINUTE);
      expect((await login("officer1", TEST_PASSWORD)).status).toBe(200);

      const audit = await t.staff.audit.list({ limit: 50 });
      expect(audit.map((e) => e.action)).toContain("staff.login_locked");
    });

    it("when a successful login comes between wrong ones, then the count starts again", async () => {
      for (let i = 0; i < 9; i++) await login("officer1", "wrong");
      expect((await login("officer1", TEST_PASSWORD)).status).toBe(200);
      for (let i = 0; i < 9; i++) expect((await login("officer1", "wrong")).status).toBe(401);
    });

    it("when an unknown username gets 10 wrong passwords, then it 'locks' too, so a lockout does not reveal who exists", async () => {
      for (let i = 0; i < 9; i++) await login("ghost", "wrong");
      expect((await login("ghost", "wrong")).body.error.code).toBe("staff.account_locked");
    });

    it("when one address fails 30 times across many usernames, then it is slowed down with 429 http.rate_limited", async () => {
      for (let i = 0; i < 30; i++) expect((await login(`guess${i}`, "wrong")).status).toBe(401);
      const res = await login("officer1", TEST_PASSWORD);
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe("http.rate_limited");
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      t.clock.advance(15 * MINUTE);
      expect((await login("officer1", TEST_PASSWORD)).status).toBe(200);
    });

    it("when an admin unlocks a locked account, then its owner can sign in at once", async () => {
      for (let i = 0; i < 10; i++) await login("officer1", "wrong");
      const admin = await t.login("admin1");
      const list = await as(t.app, admin, "get", "/api/staff/accounts");
      const officer = list.body.accounts.find((a: { username: string }) => a.username === "officer1");
      expect(officer.lockedUntil).toBe(new Date(t.clock.now().getTime() + 15 * MINUTE).toISOString());
      expect((await as(t.app, admin, "post", `/api/staff/accounts/${officer.id}/unlock`)).status).toBe(200);
      expect((await login("officer1", TEST_PASSWORD)).status).toBe(200);
    });
  });

  describe("CSRF and origins", () => {
    it("when a state-changing call has no CSRF token or a wrong one, then 403 staff.csrf_invalid and nothing changes", async () => {
      const who = await t.login("officer1");
      const missing = await as(t.app, who, "post", "/api/staff/logout", { csrf: false });
      expect(missing.status).toBe(403);
      expect(missing.body.error.code).toBe("staff.csrf_invalid");
      const wrong = await as(t.app, who, "post", "/api/staff/logout", { csrf: false }).set("X-CSRF-Token", `${who.csrf.slice(0, -2)}xx`);
      expect(wrong.status).toBe(403);
      expect((await as(t.app, who, "get", "/api/staff/session")).status).toBe(200);
      expect((await as(t.app, who, "post", "/api/staff/logout")).status).toBe(204);
    });

    it("when another session's CSRF token is sent, then it is refused: tokens are bound to their session", async () => {
      const a = await t.login("officer1");
      const b = await t.login("admin1");
      const res = await as(t.app, a, "post", "/api/staff/logout", { csrf: false }).set("X-CSRF-Token", b.csrf);
      expect(res.status).toBe(403);
    });

    it("when a login or change comes from another site, then 403 staff.origin_refused", async () => {
      const foreign = await login("officer1", TEST_PASSWORD, { Origin: "https://evil.example" });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.code).toBe("staff.origin_refused");
      const crossSite = await login("officer1", TEST_PASSWORD, { "Sec-Fetch-Site": "cross-site" });
      expect(crossSite.status).toBe(403);
      const who = await t.login("admin1");
      const res = await as(t.app, who, "post", "/api/staff/accounts").set("Origin", "https://h5.zdn.vn").send({});
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("staff.origin_refused");
    });

    it("when the console on our own origin logs in, then Origin and Sec-Fetch-Site are accepted", async () => {
      const res = await request(t.app)
        .post("/api/staff/login")
        .set("Host", "khaibao.test")
        .set("Origin", "http://khaibao.test")
        .set("Sec-Fetch-Site", "same-origin")
        .send({ username: "officer1", password: TEST_PASSWORD });
      expect(res.status).toBe(200);
    });
  });

  describe("sessions", () => {
    it("when someone logs out, then that cookie no longer works and the cookie is cleared", async () => {
      const who = await t.login("officer1");
      const res = await as(t.app, who, "post", "/api/staff/logout");
      expect(res.status).toBe(204);
      expect(res.headers["set-cookie"]?.[0]).toMatch(/^khaibao_staff=; .*Max-Age=0/);
      const after = await as(t.app, who, "get", "/api/staff/session");
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe("staff.session_expired");
    });

    it("when someone logs out everywhere, then their other sessions end too, and other people's do not", async () => {
      const laptop = await t.login("officer1");
      const phone = await t.login("officer1");
      const other = await t.login("admin1");
      expect((await as(t.app, phone, "post", "/api/staff/logout-everywhere")).status).toBe(204);
      expect((await as(t.app, laptop, "get", "/api/staff/session")).status).toBe(401);
      expect((await as(t.app, phone, "get", "/api/staff/session")).status).toBe(401);
      expect((await as(t.app, other, "get", "/api/staff/session")).status).toBe(200);
      const audit = await t.staff.audit.list({ limit: 10 });
      expect(audit[0]).toMatchObject({ action: "staff.logout_everywhere", actorUsername: "officer1", details: { sessions: 2 } });
    });

    it("when no request comes for the idle time, then the session ends; requests keep it alive", async () => {
      const who = await t.login("officer1");
      t.clock.advance(50 * MINUTE);
      expect((await as(t.app, who, "get", "/api/staff/session")).status).toBe(200);
      t.clock.advance(50 * MINUTE);
      expect((await as(t.app, who, "get", "/api/staff/session")).status).toBe(200);
      t.clock.advance(61 * MINUTE);
      const res = await as(t.app, who, "get", "/api/staff/session");
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("staff.session_expired");
    });

    it("when the absolute lifetime (12 h) is over, then the session ends even if used all along", async () => {
      const who = await t.login("officer1");
      const body = staffSessionResponseSchema.parse((await as(t.app, who, "get", "/api/staff/session")).body);
      expect(body.expiresAt).toBe(new Date(t.clock.now().getTime() + 12 * 60 * MINUTE).toISOString());
      for (let i = 0; i < 23; i++) {
        t.clock.advance(30 * MINUTE);
        expect((await as(t.app, who, "get", "/api/staff/session")).status, `after ${(i + 1) * 30} min`).toBe(200);
      }
      t.clock.advance(30 * MINUTE);
      expect((await as(t.app, who, "get", "/api/staff/session")).status).toBe(401);
    });

    it("when no cookie is sent, then 401 http.unauthorized; a forged cookie is staff.session_expired", async () => {
      const none = await request(t.app).get("/api/staff/session");
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe("http.unauthorized");
      const forged = await request(t.app).get("/api/staff/session").set("Cookie", `khaibao_staff=${"A".repeat(43)}`);
      expect(forged.status).toBe(401);
      expect(forged.body.error.code).toBe("staff.session_expired");
    });
  });

  describe("passwords", () => {
    it("when an admin-made account logs in, then it can do nothing but change its password first; the change replaces the session", async () => {
      await t.account("newbie", "checkpoint_officer", { mustChangePassword: true });
      const admin = await t.login("admin1");
      await t.account("newadmin", "admin", { mustChangePassword: true });
      const first = await t.login("newadmin");
      const blocked = await as(t.app, first, "get", "/api/staff/accounts");
      expect(blocked.status).toBe(403);
      expect(blocked.body.error.code).toBe("staff.password_change_required");
      expect((await as(t.app, first, "get", "/api/staff/session")).body.user.mustChangePassword).toBe(true);

      const tooShort = await as(t.app, first, "post", "/api/staff/password").send({ currentPassword: TEST_PASSWORD, newPassword: "short" });
      expect(tooShort.status).toBe(400);
      expect(tooShort.body.error.fields[0]).toMatchObject({ path: "newPassword", code: "staff.password_too_short" });
      const wrongCurrent = await as(t.app, first, "post", "/api/staff/password").send({ currentPassword: "not it at all", newPassword: "a brand new password" });
      expect(wrongCurrent.status).toBe(400);
      expect(wrongCurrent.body.error.code).toBe("staff.password_wrong");

      const changed = await as(t.app, first, "post", "/api/staff/password").send({ currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });
      expect(changed.status).toBe(200);
      const second = signedInFrom(changed);
      expect(second.cookie).not.toBe(first.cookie);
      expect((await as(t.app, first, "get", "/api/staff/session")).status).toBe(401);
      expect((await as(t.app, second, "get", "/api/staff/accounts")).status).toBe(200);
      expect((await request(t.app).post("/api/staff/login").send({ username: "newadmin", password: TEST_PASSWORD })).status).toBe(401);
      expect((await request(t.app).post("/api/staff/login").send({ username: "newadmin", password: "a brand new password" })).status).toBe(200);
      expect((await as(t.app, admin, "get", "/api/staff/session")).status).toBe(200);
    });
  });
});
