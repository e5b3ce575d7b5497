// Helpers for the staff tests: the real app (createApp + the staff module) on a test database,
// a clock the test moves, cheap scrypt, and sign-in that handles cookies by hand (supertest's
// jar would drop the production cookie, which is Secure, over plain http).
import type { Express } from "express";
import request from "supertest";
import { STAFF_CSRF_HEADER, staffSessionResponseSchema, type StaffRole } from "@khaibao/shared";
import { createDeadLetters, ForwardingProblems, OutboxRepository, type DeadLetters } from "../declarations";
import { createApp } from "../http/app";
import { createRetentionOverview } from "../privacy/feature";
import { createLogger } from "../observability/logger";
import { createMetrics } from "../observability/metrics";
import type { Database } from "../storage";
import { createStaffModule, type StaffModule, type StaffModuleOptions } from "./index";
import type { ScryptParams } from "./passwords";

/** Fast enough for dozens of logins per test; the format and code path are the production ones. */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };
export const TEST_PASSWORD = "correct horse battery";

export interface Clock {
  now: () => Date;
  advance(ms: number): void;
}

export function testClock(start = "2026-03-02T08:00:00.000Z"): Clock {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

/** The real dead-letter list on the test database; `wake` lets a test run the worker after a retry. */
export function testDeadLetters(db: Database, now: () => Date, wake: () => void = () => {}): DeadLetters {
  return createDeadLetters({ outbox: new OutboxRepository(db), problems: new ForwardingProblems(db), wake, now });
}

export interface StaffTestApp {
  app: Express;
  staff: StaffModule;
  clock: Clock;
  /** An account created directly (no must-change flag unless asked), returning its id. */
  account(username: string, role: StaffRole, opts?: { mustChangePassword?: boolean; password?: string }): Promise<string>;
  login(username: string, password?: string): Promise<SignedIn>;
}

export interface SignedIn {
  /** `name=value` for the Cookie header. */
  cookie: string;
  csrf: string;
  setCookie: string;
}

export function staffTestApp(db: Database, opts: Partial<StaffModuleOptions> = {}): StaffTestApp {
  const clock = testClock();
  const logger = createLogger({ level: "silent" });
  const staff = createStaffModule({
    db,
    logger,
    production: false,
    consoleDir: "/nonexistent",
    hashing: TEST_SCRYPT,
    now: clock.now,
    deadLetters: testDeadLetters(db, clock.now),
    retention: createRetentionOverview(db, 30, clock.now),
    ...opts,
  });
  const app = createApp({ logger, metrics: createMetrics(), ping: async () => {}, api: staff.api, other: staff.other });
  return {
    app,
    staff,
    clock,
    async account(username, role, o = {}) {
      const created = await staff.manage.create(
        { username, displayName: `Cán bộ ${username}`, role, password: o.password ?? TEST_PASSWORD },
        null,
        { mustChangePassword: o.mustChangePassword ?? false },
      );
      return created.id;
    },
    async login(username, password = TEST_PASSWORD) {
      const res = await request(app).post("/api/staff/login").send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return signedInFrom(res);
    },
  };
}

export function signedInFrom(res: request.Response): SignedIn {
  const setCookie = (res.headers["set-cookie"] as unknown as string[] | undefined)?.[0];
  if (!setCookie) throw new Error("no Set-Cookie in the answer");
  const body = staffSessionResponseSchema.parse(res.body);
  return { cookie: setCookie.split(";")[0] as string, csrf: body.csrfToken, setCookie };
}

/** Sends a request as the signed-in person, with the CSRF header unless `csrf: false`. */
export function as(app: Express, who: SignedIn, method: "get" | "post" | "patch" | "put" | "delete", path: string, opts: { csrf?: boolean } = {}) {
  const req = request(app)[method](path).set("Cookie", who.cookie);
  return opts.csrf === false ? req : req.set(STAFF_CSRF_HEADER, who.csrf);
}
