import { Router } from "express";
import type { Logger } from "pino";
import type { DeadLetters } from "../declarations/dead-letters";
import type { Database } from "../storage";
import { consoleRouter } from "../hosting/console";
import { AccountRepository } from "./accounts";
import { AuditLog } from "./audit";
import { StaffAuth, type SessionPolicy } from "./auth";
import { bootstrapAdmin } from "./bootstrap";
import { cookieSettings } from "./cookies";
import { AccountManagement } from "./manage";
import { requireCsrf, requireSession, sameOriginOnly } from "./middleware";
import { DEFAULT_SCRYPT, type ScryptParams } from "./passwords";
import { accountRoutes } from "./routes/accounts";
import { auditRoutes } from "./routes/audit";
import { forwardingRoutes } from "./routes/forwarding";
import { retentionRoutes } from "./routes/retention";
import type { RetentionOverview } from "../privacy/feature";
import { loginRoute, sessionRoutes } from "./routes/session";
import { SessionRepository } from "./sessions";
import { createAddressThrottle, DEFAULT_LOCKOUT, LoginLockout, type LockoutPolicy } from "./throttle";

export { AccountManagement } from "./manage";
export { AccountRepository } from "./accounts";
export { AuditLog, type AuditAction, type AuditEvent } from "./audit";
export { DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptParams } from "./passwords";

export interface StaffModuleOptions {
  db: Database;
  logger: Logger;
  /** Production: `__Host-` Secure cookie, no bootstrap admin. */
  production: boolean;
  /** The declarations the backend rejected or never took, for the forwarding page. */
  deadLetters: DeadLetters;
  /** The personal-data retention job's runs, for its console page. */
  retention: RetentionOverview;
  /** The built console (bot-server/console/dist). */
  consoleDir: string;
  /** `PUBLIC_BASE_URL`: state-changing calls must come from this origin (default: the request's own). */
  publicBaseUrl?: string | undefined;
  /** `STAFF_SESSION_IDLE_MINUTES`, `STAFF_SESSION_MAX_HOURS`. */
  session?: { idleMinutes: number; maxHours: number };
  /** `STAFF_BOOTSTRAP_ADMIN` (refused when `production`). */
  bootstrapAdmin?: string | undefined;
  lockout?: LockoutPolicy;
  /** Per client address: wrong passwords allowed in the window. */
  addressLimit?: { maxFailures: number; windowMs: number };
  /** Tests lower the scrypt cost; production keeps the default. */
  hashing?: ScryptParams;
  /** Other features' staff routes, mounted behind the same session and CSRF checks (each guards its permission). */
  routes?: readonly Router[];
  now?: () => Date;
}

export interface StaffModule {
  /** Mount with the JSON parser: `["/api/staff", router]`. */
  api: Array<readonly [string, Router]>;
  /** The console's static files: `["/console", router]`. */
  other: Array<readonly [string, Router]>;
  /** Creates the bootstrap admin, then cleans expired sessions every 15 minutes. Call before listening. */
  start(): Promise<void>;
  stop(): void;
  auth: StaffAuth;
  manage: AccountManagement;
  audit: AuditLog;
}

export const DEFAULT_SESSION = { idleMinutes: 60, maxHours: 12 } as const;
const HOUSEKEEPING_MS = 15 * 60_000;

/**
 * The staff side of the server: accounts, sessions, CSRF, audit log and the console's files.
 * Every route under /api/staff needs a live session and, past /session, the right role; only
 * `POST /api/staff/login` is open (and refuses other sites' origins).
 */
export function createStaffModule(opts: StaffModuleOptions): StaffModule {
  const now = opts.now ?? (() => new Date());
  if (opts.production && opts.bootstrapAdmin) throw new Error("STAFF_BOOTSTRAP_ADMIN is refused in production: create the first admin with `npm run staff -- create-admin`");
  const hashing = opts.hashing ?? DEFAULT_SCRYPT;
  const lockoutPolicy = opts.lockout ?? DEFAULT_LOCKOUT;
  const sessionSettings = opts.session ?? DEFAULT_SESSION;
  const policy: SessionPolicy = {
    idleMs: sessionSettings.idleMinutes * 60_000,
    absoluteMs: sessionSettings.maxHours * 3_600_000,
    touchEveryMs: Math.min(60_000, (sessionSettings.idleMinutes * 60_000) / 10),
  };
  const accounts = new AccountRepository(opts.db);
  const sessions = new SessionRepository(opts.db);
  const lockout = new LoginLockout(opts.db, lockoutPolicy);
  const audit = new AuditLog(opts.db);
  const auth = new StaffAuth({
    accounts,
    sessions,
    lockout,
    addresses: createAddressThrottle({ ...(opts.addressLimit ?? { maxFailures: 30, windowMs: 15 * 60_000 }), now: () => now().getTime() }),
    audit,
    hashing,
    policy,
    now,
  });
  const manage = new AccountManagement({ db: opts.db, hashing, lockout: lockoutPolicy, now });
  const cookie = cookieSettings(opts.production);
  const publicOrigin = opts.publicBaseUrl ? new URL(opts.publicBaseUrl).origin : undefined;
  const routeDeps = { auth, cookie, idleTimeoutSeconds: policy.idleMs / 1000 };

  const signedIn = Router();
  signedIn.use(requireSession(auth, cookie), requireCsrf);
  signedIn.use(sessionRoutes(routeDeps));
  signedIn.use(accountRoutes(manage));
  signedIn.use(auditRoutes(audit));
  signedIn.use(forwardingRoutes({ deadLetters: opts.deadLetters, audit, now }));
  for (const routes of opts.routes ?? []) signedIn.use(routes);
  signedIn.use(retentionRoutes({ overview: opts.retention, audit, now }));

  const api = Router();
  api.use(sameOriginOnly(publicOrigin));
  api.use(loginRoute(routeDeps));
  api.use(signedIn);

  let timer: NodeJS.Timeout | undefined;
  const housekeeping = async () => {
    try {
      const t = now();
      const ended = await sessions.deleteExpired(t);
      await lockout.forgetStale(t);
      if (ended > 0) opts.logger.debug({ ended }, "expired staff sessions removed");
    } catch (err) {
      opts.logger.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, "staff housekeeping failed");
    }
  };

  return {
    api: [["/api/staff", api]],
    other: [["/console", consoleRouter(opts.consoleDir)]],
    async start() {
      if (opts.bootstrapAdmin) await bootstrapAdmin(opts.bootstrapAdmin, { accounts, manage, logger: opts.logger });
      await housekeeping();
      timer ??= setInterval(() => void housekeeping(), HOUSEKEEPING_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    auth,
    manage,
    audit,
  };
}
