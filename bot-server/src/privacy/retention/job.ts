import type { RetentionRun } from "@khaibao/shared";
import type { AuditLog } from "../../staff/audit";
import type { Database, Queryable } from "../../storage";
import { processDeletionRequest } from "../deletion/process";
import { DeletionRequestRepository } from "../deletion/requests";
import { purgeDeclarations, purgeInbox, purgeMessages, purgeNotes, purgeSupportContacts } from "./purge";
import { RetentionRuns, type RunCounts } from "./runs";

/** pg_try_advisory_xact_lock(class, key): "kp" (khaibao privacy); the key is the schema's. */
const LOCK_CLASS = 0x6b70;
const CHUNK = 500;

export interface RetentionJobOptions {
  db: Database;
  audit: AuditLog;
  /** `RETENTION_DAYS`: personal data older than this is purged. */
  retentionDays: number;
  now: () => Date;
  logger?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export type RetentionOutcome = { skipped: true } | { skipped: false; run: RetentionRun };

export interface RetentionJob {
  run(trigger: RetentionRun["trigger"]): Promise<RetentionOutcome>;
  cutoff(now: Date): Date;
}

/**
 * Purges personal data past the retention limit and finishes waiting deletion requests. Runs
 * once across instances: on PostgreSQL the whole run holds a transaction-scoped advisory lock
 * (an instance that cannot take it skips), its steps are savepoints; on SQLite (one process)
 * each step is its own short transaction, so submissions are not held up, and a flag stops runs
 * overlapping. SQLite keeps deleted bytes in free space and in the WAL, so after purging it
 * rewrites the file (VACUUM) and empties the WAL: the file then holds no purged value at all.
 */
export function createRetentionJob(opts: RetentionJobOptions): RetentionJob {
  const runs = new RetentionRuns(opts.db);
  const requests = new DeletionRequestRepository(opts.db);
  let running = false;
  const cutoff = (now: Date) => new Date(now.getTime() - opts.retentionDays * 86_400_000);

  async function work(q: Queryable, before: Date): Promise<RunCounts> {
    const counts: RunCounts = { declarationsPurged: 0, inboxPurged: 0, messagesPurged: 0, deletionRequestsDone: 0 };
    for (let n = CHUNK; n === CHUNK; ) {
      n = await q.transaction((tx) => purgeDeclarations(tx, { before }, opts.now(), CHUNK));
      counts.declarationsPurged += n;
    }
    for (let n = CHUNK; n === CHUNK; ) {
      n = await q.transaction((tx) => purgeInbox(tx, { before }, CHUNK));
      counts.inboxPurged += n;
    }
    for (let n = CHUNK; n >= CHUNK; ) {
      n = await q.transaction((tx) => purgeMessages(tx, { before }, CHUNK));
      counts.messagesPurged += n;
    }
    // Staff's notes count with the chat texts: the run record has no column of their own.
    for (let n = CHUNK; n === CHUNK; ) {
      n = await q.transaction((tx) => purgeNotes(tx, { before }, CHUNK));
      counts.messagesPurged += n;
    }
    await q.transaction((tx) => purgeSupportContacts(tx, { before }));
    for (const request of await requests.open(1000)) {
      const done = await processDeletionRequest(q, opts.audit, request, opts.now());
      counts.declarationsPurged += done.declarationsPurged - request.declarationsPurged;
      if (done.status === "done") counts.deletionRequestsDone++;
    }
    return counts;
  }

  async function locked(before: Date): Promise<RunCounts | undefined> {
    if (opts.db.dialect === "sqlite") return work(opts.db, before);
    return opts.db.transaction(async (tx) => {
      const got = await tx.get<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(${LOCK_CLASS}, hashtext(current_schema())) AS ok`);
      return got?.ok ? work(tx, before) : undefined;
    });
  }

  return {
    cutoff,
    async run(trigger) {
      if (running) return { skipped: true };
      running = true;
      try {
        const startedAt = opts.now();
        const before = cutoff(startedAt);
        const id = await runs.start(trigger, startedAt, before);
        let counts: RunCounts | undefined;
        try {
          counts = await locked(before);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          opts.logger?.error({ runId: id, error: message }, "retention run failed");
          return { skipped: false, run: await runs.finish(id, opts.now(), { declarationsPurged: 0, inboxPurged: 0, messagesPurged: 0, deletionRequestsDone: 0 }, message) };
        }
        if (!counts) {
          await runs.discard(id);
          return { skipped: true };
        }
        if (opts.db.dialect === "sqlite" && counts.declarationsPurged + counts.inboxPurged + counts.messagesPurged > 0) await compactSqlite(opts.db);
        const run = await runs.finish(id, opts.now(), counts, null);
        opts.logger?.info({ runId: id, ...counts }, "retention run finished");
        return { skipped: false, run };
      } finally {
        running = false;
      }
    },
  };
}

/** Rewrites the file without free pages (where blanked values would linger) and empties the WAL. */
export async function compactSqlite(db: Queryable): Promise<void> {
  await db.exec("VACUUM");
  await db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}
