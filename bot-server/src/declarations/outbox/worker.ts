import type { FieldCipher } from "../../privacy/types";
import { createGroupCommit, outcomesFromErrors } from "../../storage/group-commit";
import type { DeclarationRepository } from "../repository";
import type { DeclarationRecord, SealedDeclaration } from "../record";
import type { BackendDeclaration, DeclarationBackend } from "./backend";
import { backoffDelayMs, type BackoffPolicy } from "./backoff";
import { noOutboxMetrics, type OutboxMetrics } from "./metrics";
import type { ClaimedRow, OutboxRepository } from "./repository";
import { Wakeup } from "./wakeup";

/** Structural subset of pino's Logger. */
export interface WorkerLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export interface OutboxWorkerOptions {
  outbox: OutboxRepository;
  declarations: DeclarationRepository;
  backend: DeclarationBackend;
  cipher: FieldCipher;
  /** This instance's name in `claimed_by`. */
  owner: string;
  /** After this many attempts a failing declaration goes to the dead-letter list. */
  maxAttempts: number;
  /** Declarations in flight at once. */
  concurrency: number;
  /** How long a claim lasts; longer than the backend client's timeout, or a slow send is sent twice. */
  leaseMs: number;
  /** Safety-net poll; new declarations wake the worker at once. */
  pollMs: number;
  retry: BackoffPolicy;
  now?: () => Date;
  random?: () => number;
  metrics?: OutboxMetrics;
  logger?: WorkerLogger;
}

export interface OutboxWorker {
  start(): void;
  /** Stops claiming, lets the sends in flight finish, then resolves. */
  stop(): Promise<void>;
  /** Something may be due now (a declaration was stored): look without waiting for the poll. */
  wake(): void;
  /** One round without the loop, for tests and tools: claims what is due and waits for every send. */
  drainOnce(): Promise<number>;
}

const silent: WorkerLogger = { info() {}, warn() {}, error() {} };

/**
 * Forwards stored declarations to the backend. At-least-once: a send whose answer is lost (crash,
 * timeout) is sent again with the same `Idempotency-Key`, and the backend dedupes. Outcomes:
 * ok → done/forwarded; rejected (4xx) → rejected with the reason, never retried; failure →
 * retried with exponential backoff and full jitter, until `maxAttempts` → dead.
 */
export function createOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const metrics = opts.metrics ?? noOutboxMetrics;
  const logger = opts.logger ?? silent;
  const wakeup = new Wakeup();
  const inFlight = new Set<Promise<void>>();
  let running: Promise<void> | undefined;
  let stopping = false;
  // Deliveries finishing together share one transaction for their "done" updates: with many
  // sends in flight this is most of the worker's SQLite time, and it holds the write lock that
  // submissions wait for. Each delivery still waits for its own row to be committed.
  const complete = createGroupCommit<{ declarationId: string; now: Date }>({
    writeMany: async (items) => outcomesFromErrors(await opts.outbox.completeMany(items)),
    writeOne: (item) => opts.outbox.complete(item.declarationId, item.now),
  });

  function recordOf(stored: DeclarationRecord, sealed: SealedDeclaration): BackendDeclaration {
    return {
      declarationId: stored.id,
      receiptCode: stored.receiptCode,
      checkpointId: stored.checkpointId,
      direction: stored.direction,
      issuedAt: stored.issuedAt,
      expiresAt: stored.expiresAt,
      clientSubmittedAt: sealed.clientSubmittedAt,
      channel: "zalo-mini-app",
      declaration: sealed.declaration,
    };
  }

  async function deliver(row: ClaimedRow): Promise<void> {
    const id = row.declarationId;
    let failure: string;
    try {
      const stored = await opts.declarations.findById(id);
      if (!stored) throw new Error("declaration row missing");
      // Opened in memory only for the send; never logged.
      const sealed = opts.cipher.openJson<SealedDeclaration>(stored.sealed);
      const verdict = await opts.backend.submit(recordOf(stored, sealed), row.idempotencyKey);
      if ("ok" in verdict) {
        await complete({ declarationId: id, now: now() });
        metrics.forwarded();
      } else {
        await opts.outbox.reject(id, verdict.rejected, now());
        metrics.rejected();
        logger.warn({ declarationId: id, reason: verdict.rejected }, "declaration rejected by the backend");
      }
      return;
    } catch (error) {
      failure = error instanceof Error ? error.message : "unknown error";
    }
    try {
      if (row.attempts >= opts.maxAttempts) {
        await opts.outbox.markDead(id, opts.owner, failure, now());
        metrics.dead();
        logger.error({ declarationId: id, attempts: row.attempts, error: failure }, "declaration moved to the dead-letter list");
      } else {
        const at = now();
        await opts.outbox.reschedule(id, opts.owner, failure, new Date(at.getTime() + backoffDelayMs(row.attempts, opts.retry, random)), at);
        metrics.failedAttempt();
      }
    } catch (error) {
      // The lease runs out and the row is claimed again: nothing is lost.
      logger.warn({ declarationId: id, err: { name: (error as Error).name } }, "could not record a failed attempt");
    }
  }

  function track(p: Promise<void>): void {
    const tracked = p.finally(() => {
      inFlight.delete(tracked);
      wakeup.notify();
    });
    inFlight.add(tracked);
  }

  /** Claims what fits in the free slots; true when it filled them (more may be due). */
  async function claimInto(free: number): Promise<boolean> {
    const rows = await opts.outbox.claimDue({ owner: opts.owner, limit: free, leaseMs: opts.leaseMs, now: now() });
    for (const row of rows) track(deliver(row));
    return rows.length === free;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      const free = opts.concurrency - inFlight.size;
      let full = false;
      if (free > 0) {
        try {
          full = await claimInto(free);
        } catch (error) {
          logger.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, "outbox claim failed");
        }
      }
      // Slots all busy: a finishing send notifies. Claimed fewer than asked: nothing else is due.
      if (full && inFlight.size < opts.concurrency) continue;
      await wakeup.wait(opts.pollMs);
    }
  }

  return {
    start() {
      if (running) return;
      stopping = false;
      running = loop();
    },
    async stop() {
      stopping = true;
      wakeup.notify();
      await running;
      running = undefined;
      await Promise.all([...inFlight]);
    },
    wake() {
      wakeup.notify();
    },
    async drainOnce() {
      const rows = await opts.outbox.claimDue({ owner: opts.owner, limit: opts.concurrency, leaseMs: opts.leaseMs, now: now() });
      await Promise.all(rows.map(deliver));
      return rows.length;
    },
  };
}
