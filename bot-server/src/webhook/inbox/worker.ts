import { parseWith, zaloEventSchema, type ZaloEvent } from "@khaibao/shared";
import { backoffMs, type BackoffPolicy } from "../../zalo/queue/backoff";
import { createPollingWorker, type PollingWorker } from "../../zalo/queue/polling-worker";
import { parseWebhookJson } from "../json";
import type { EventProcessor } from "../pipeline/processor";
import type { ClaimedEvent, InboxRepository } from "./repository";

export interface InboxWorkerLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export interface InboxMetrics {
  processed(outcome: "done" | "retry" | "failed" | "deferred" | "lost"): void;
}

export interface InboxWorkerOptions {
  repo: InboxRepository;
  processor: EventProcessor;
  owner: string;
  /** Users whose events are processed at once (one event per user at a time). */
  concurrency: number;
  pollMs: number;
  /** Longer than the slowest handling of one event, or a slow event is taken over and handled twice. */
  leaseMs: number;
  /** Failed attempts before an event goes to the failed list and the user's next event goes on. */
  maxAttempts: number;
  retry: BackoffPolicy;
  now?: () => Date;
  random?: () => number;
  metrics?: InboxMetrics;
  logger?: InboxWorkerLogger;
}

export type InboxWorker = PollingWorker;

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : "unknown error").slice(0, 500);

/**
 * Processes stored webhook events through the pipeline, each user's events one at a time in
 * arrival order. A failing event is retried with backoff; after `maxAttempts` it is set aside
 * (failed, kept for staff) so one bad event cannot stop a user's conversation for good.
 */
export function createInboxWorker(opts: InboxWorkerOptions): InboxWorker {
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? Math.random;

  async function handle(row: ClaimedEvent): Promise<void> {
    let event: ZaloEvent;
    try {
      const parsed = parseWith(zaloEventSchema, parseWebhookJson(row.rawBody));
      if (!parsed.ok) throw new Error(`stored event does not match its schema: ${parsed.issues.map((i) => i.path).join(", ")}`);
      event = parsed.data;
    } catch (error) {
      await opts.repo.fail(row.id, opts.owner, errorText(error), now());
      opts.metrics?.processed("failed");
      opts.logger?.error({ inboxId: row.id, eventName: row.eventName }, "stored Zalo event is unreadable");
      return;
    }
    try {
      const outcome = await opts.processor.process(event, {
        id: row.id,
        owner: opts.owner,
        attempt: row.attempts,
        receivedAt: new Date(row.receivedAt),
        complete: (tx, at) => opts.repo.complete(tx, row.id, opts.owner, at),
      });
      if (outcome.kind === "deferred") {
        await opts.repo.reschedule(row.id, opts.owner, { at: new Date(now().getTime() + outcome.ms), error: `deferred: ${outcome.reason}`, refund: true });
        // Look again when it is due rather than at the next poll.
        setTimeout(() => worker.wake(), outcome.ms).unref();
      } else if (outcome.kind === "lost") {
        opts.logger?.warn({ inboxId: row.id, eventName: row.eventName }, "Zalo event lease lost before completion; another instance handles it");
      }
      opts.metrics?.processed(outcome.kind);
    } catch (error) {
      if (row.attempts >= opts.maxAttempts) {
        await opts.repo.fail(row.id, opts.owner, errorText(error), now());
        opts.metrics?.processed("failed");
        opts.logger?.error({ inboxId: row.id, eventName: row.eventName, attempts: row.attempts, err: { name: (error as Error)?.name } }, "Zalo event failed for good");
      } else {
        await opts.repo.reschedule(row.id, opts.owner, { at: new Date(now().getTime() + backoffMs(row.attempts, opts.retry, random)), error: errorText(error), refund: false });
        opts.metrics?.processed("retry");
        opts.logger?.warn({ inboxId: row.id, eventName: row.eventName, attempts: row.attempts, err: { name: (error as Error)?.name } }, "Zalo event failed; will retry");
      }
    }
  }

  const worker = createPollingWorker<ClaimedEvent>({
    claim: (limit) => opts.repo.claimHeads({ owner: opts.owner, limit, leaseMs: opts.leaseMs, now: now() }),
    handle: async (row) => {
      try {
        await handle(row);
      } catch (error) {
        // Recording the outcome failed (database down): the lease runs out and the event is taken again.
        opts.logger?.warn({ inboxId: row.id, err: { name: (error as Error).name, message: (error as Error).message } }, "could not record a Zalo event's outcome");
      }
    },
    concurrency: opts.concurrency,
    pollMs: opts.pollMs,
    onClaimError: (error) => opts.logger?.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, "inbox claim failed"),
  });
  return worker;
}
