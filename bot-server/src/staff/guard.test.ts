import type { Router } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAFF_ROLES, type StaffRole } from "@khaibao/shared";
import { openTestDatabases } from "../storage/testing";
import type { Database } from "../storage";
import { operatorTestRoutes } from "../operations/testing";
import { testCipher } from "../declarations/testing";
import { inboxTestRoutes } from "../inbox/testing";
import { as, staffTestApp, type SignedIn, type StaffTestApp } from "./testing";

/**
 * Proof that no staff route is open by mistake: walk the Express router stack of everything the
 * staff module mounts under /api/staff, then call each route found, without a session (401) and
 * with every role (403 unless the route's table below allows the role). A new route that is not
 * in the table fails the first test, so adding one means deciding who may call it.
 */

type Access = "public" | "signed-in" | readonly StaffRole[];

const INBOX: readonly StaffRole[] = ["agent", "supervisor", "admin"];

const ROUTES: Record<string, Access> = {
  "POST /login": "public",
  "GET /session": "signed-in",
  "POST /logout": "signed-in",
  "POST /logout-everywhere": "signed-in",
  "POST /password": "signed-in",
  "GET /accounts": ["admin"],
  "POST /accounts": ["admin"],
  "PATCH /accounts/:id": ["admin"],
  "POST /accounts/:id/password": ["admin"],
  "POST /accounts/:id/unlock": ["admin"],
  "GET /audit": ["supervisor", "admin"],
  "GET /forwarding": ["supervisor", "admin"],
  "POST /forwarding/retry": ["supervisor", "admin"],
  "GET /privacy/retention": ["supervisor", "admin"],
  "POST /privacy/retention/run": ["admin"],
  "GET /checkpoints": ["admin"],
  "POST /checkpoints": ["admin"],
  "PATCH /checkpoints/:id": ["admin"],
  "POST /checkpoints/:id/deactivate": ["admin"],
  "GET /checkpoints/:id/poster.:format": ["admin"],
  "GET /dashboard": ["supervisor", "admin"],
  "GET /exports/declarations": ["admin"],
  // The support inbox (agents see only their own and unassigned conversations: 404 otherwise).
  "GET /inbox/conversations": INBOX,
  "GET /inbox/conversations/:id": INBOX,
  "POST /inbox/conversations/:id/take": INBOX,
  "POST /inbox/conversations/:id/assign": ["supervisor", "admin"],
  "POST /inbox/conversations/:id/hand-back": INBOX,
  "POST /inbox/conversations/:id/resolve": INBOX,
  "POST /inbox/conversations/:id/read": INBOX,
  "POST /inbox/conversations/:id/labels": INBOX,
  "POST /inbox/conversations/:id/desk": INBOX,
  "POST /inbox/conversations/:id/replies": INBOX,
  "POST /inbox/conversations/:id/notes": INBOX,
  "POST /inbox/conversations/:id/messages/:messageId/retry": INBOX,
  "GET /inbox/conversations/:id/contact": INBOX,
  "POST /inbox/conversations/:id/reveal": INBOX,
  "GET /inbox/canned": INBOX,
  "POST /inbox/canned": ["supervisor", "admin"],
  "PATCH /inbox/canned/:id": ["supervisor", "admin"],
  "DELETE /inbox/canned/:id": ["supervisor", "admin"],
  "GET /inbox/faq": INBOX,
  "GET /inbox/desks": INBOX,
  "POST /inbox/desks": ["supervisor", "admin"],
  "GET /inbox/agents": ["supervisor", "admin"],
  "GET /events": INBOX,
};

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: unknown;
}

/** Every `METHOD /path` reachable in the router, descending into routers mounted with `use`. */
function walk(router: { stack: Layer[] }, prefix = ""): string[] {
  const found: string[] = [];
  for (const layer of router.stack) {
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== "_all") found.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
    } else if (layer.handle.stack) {
      const mount = typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath : "";
      found.push(...walk(layer.handle as { stack: Layer[] }, `${prefix}${mount}`));
    }
  }
  return found;
}

const concrete = (path: string) => path.replace(":id", "00000000-0000-4000-8000-000000000000").replace(":messageId", "1");

describe.each(openTestDatabases({ migrate: true }))("staff route guard ($name)", ({ open }) => {
  let db: Database;
  let t: StaffTestApp;
  let routes: string[];
  const signedIn = new Map<StaffRole, SignedIn>();

  beforeAll(async () => {
    db = await open();
    t = staffTestApp(db, { routes: [...(await operatorTestRoutes(db)), ...inboxTestRoutes(db, await testCipher(), () => new Date()).routers] });
    for (const role of STAFF_ROLES) {
      await t.account(`user-${role.replace("_", "-")}`, role);
      signedIn.set(role, await t.login(`user-${role.replace("_", "-")}`));
    }
    const mounted = t.staff.api.filter(([path]) => path === "/api/staff");
    expect(mounted).toHaveLength(t.staff.api.length);
    routes = mounted.flatMap(([, router]) => walk(router as unknown as Router & { stack: Layer[] }));
  });
  afterAll(async () => {
    await db.close();
  });

  it("when the router stack is walked, then it holds exactly the routes of the access table", () => {
    expect(routes.length).toBeGreaterThan(5);
    expect([...routes].sort()).toEqual(Object.keys(ROUTES).sort());
    expect(routes.filter((r) => ROUTES[r] === "public")).toEqual(["POST /login"]);
  });

  it("when any route but login is called without a session, then it answers 401", async () => {
    for (const route of routes) {
      if (ROUTES[route] === "public") continue;
      const [method, path] = route.split(" ") as [string, string];
      const res = await request(t.app)[method.toLowerCase() as "get"](`/api/staff${concrete(path)}`).send({});
      expect(res.status, route).toBe(401);
      expect(res.body.error.code, route).toBe("http.unauthorized");
      const stale = await request(t.app)[method.toLowerCase() as "get"](`/api/staff${concrete(path)}`).set("Cookie", `khaibao_staff=${"x".repeat(43)}`).send({});
      expect(stale.status, `${route} with a stale cookie`).toBe(401);
    }
  });

  it("when a route the table restricts is called with each role, then the others get 403 and the allowed ones get past the guard", async () => {
    let checked = 0;
    for (const route of routes) {
      const access = ROUTES[route];
      if (!Array.isArray(access)) continue;
      const [method, path] = route.split(" ") as [string, string];
      for (const role of STAFF_ROLES) {
        const who = signedIn.get(role) as SignedIn;
        const res = await as(t.app, who, method.toLowerCase() as "get", `/api/staff${concrete(path)}`).send({});
        if (access.includes(role)) {
          expect([401, 403], `${route} as ${role}`).not.toContain(res.status);
        } else {
          expect(res.status, `${route} as ${role}`).toBe(403);
          expect(res.body.error.code, `${route} as ${role}`).toBe("http.forbidden");
        }
        checked++;
      }
    }
    expect(checked).toBe(Object.values(ROUTES).filter((a) => Array.isArray(a)).length * STAFF_ROLES.length);
  });

  it("when an unknown path under /api/staff is called without a session, then it is 401 too (nothing is listed to strangers)", async () => {
    expect((await request(t.app).get("/api/staff/nothing-here")).status).toBe(401);
  });

  it("when a signed-in route is called by any role, then it answers", async () => {
    for (const role of STAFF_ROLES) {
      const res = await as(t.app, signedIn.get(role) as SignedIn, "get", "/api/staff/session");
      expect(res.status, role).toBe(200);
      expect(res.body.user.role).toBe(role);
    }
  });
});
