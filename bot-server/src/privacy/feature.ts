import type { Router, RequestHandler } from "express";
import { AuditLog } from "../staff/audit";
import type { Database } from "../storage";
import { createConsents, type Consents } from "./consents/service";
import { countHeldDeclarations } from "./retention/purge";
import { createRetentionJob, type RetentionJob, type RetentionOutcome } from "./retention/job";
import { RetentionRuns } from "./retention/runs";
import { scheduleRetention } from "./retention/scheduler";
import { myPrivacyRouter } from "./routes/me";

export interface PrivacyFeatureOptions {
  db: Database;
  /** `requireZaloUser(graph)`: the citizen's routes need the Zalo access token. */
  auth: RequestHandler;
  audit: AuditLog;
  retentionDays: number;
  /** `RETENTION_INTERVAL_MINUTES`; 0 turns the schedule off. */
  intervalMinutes: number;
  now: () => Date;
  logger: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** What the console's retention page reads. */
export interface RetentionOverview {
  retentionDays: number;
  runs(limit: number): ReturnType<RetentionRuns["list"]>;
  heldForDelivery(): Promise<number>;
  /** An admin's "run now" from the console. */
  runNow(): Promise<RetentionOutcome>;
}

export interface PrivacyFeature {
  consents: Consents;
  retention: RetentionJob;
  overview: RetentionOverview;
  api: Array<readonly [string, Router]>;
  /** Starts the schedule (background work: not on web-only instances). */
  start(): void;
  stop(): Promise<void>;
}

/** The console's view of the job; makes its own job on `db` unless the running one is given. */
export function createRetentionOverview(db: Database, retentionDays: number, now: () => Date, job?: RetentionJob): RetentionOverview {
  const runs = new RetentionRuns(db);
  const retention = job ?? createRetentionJob({ db, audit: new AuditLog(db), retentionDays, now });
  return {
    retentionDays,
    runs: (limit) => runs.list(limit),
    heldForDelivery: () => countHeldDeclarations(db, { before: retention.cutoff(now()) }),
    runNow: () => retention.run("console"),
  };
}

/** Consents, the citizen's deletion requests, and the retention job with its schedule. */
export function createPrivacyFeature(opts: PrivacyFeatureOptions): PrivacyFeature {
  const consents = createConsents(opts.db);
  const retention = createRetentionJob({ db: opts.db, audit: opts.audit, retentionDays: opts.retentionDays, now: opts.now, logger: opts.logger });
  let schedule: { stop(): Promise<void> } | undefined;
  return {
    consents,
    retention,
    overview: createRetentionOverview(opts.db, opts.retentionDays, opts.now, retention),
    api: [["/api/me", myPrivacyRouter({ auth: opts.auth, db: opts.db, consents, audit: opts.audit, now: opts.now })]],
    start() {
      schedule ??= scheduleRetention(retention, opts.intervalMinutes, (error) => opts.logger.error({ error: (error as Error).message }, "retention run failed"));
    },
    async stop() {
      await schedule?.stop();
      schedule = undefined;
    },
  };
}
