import type { OutgoingMessage } from "@khaibao/shared";
import type { Queryable } from "../../../storage";
import { backoffMs, type BackoffPolicy } from "../../queue/backoff";
import { createPollingWorker, type PollingWorker } from "../../queue/polling-worker";
import type { OaApi, OaSent } from "../client";
import { ZaloOaError } from "../errors";
import type { ClaimedOutbound, OutboundRepository, OutboundState } from "./repository";

/** A state change of an outbound row, applied by the caller inside the same transaction. */
export interface OutboundTransition {
  outboxId: number;
  userId: string;
  state: Extract<OutboundState, "sent" | "failed" | "undeliverable">;
  zaloMessageId: string | null;
  zaloCode: number | null;
  reason: string | null;
}

export interface OutboundProblemReport {
  outboxId: number;
  userId: string;
  state: "failed" | "undeliverable";
  zaloCode: number | null;
  reason: string;
}

export interface OutboundWorkerLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export interface OutboundMetrics {
  outcome(outcome: "sent" | "retry" | "failed" | "undeliverable", kind: string): void;
}

export interface OutboundWorkerOptions {
  db: Queryable;
  repo: OutboundRepository;
  api: OaApi;
  owner: string;
  concurrency: number;
  pollMs: number;
  /** Longer than the longest send (a token refresh plus a retried call), or a slow send is sent twice. */
  leaseMs: number;
  /** Attempts before a retryable failure becomes final (`failed`). */
  maxAttempts: number;
  retry: BackoffPolicy;
  /** Recorded with the row's change, in its transaction (conversations keep the message state). */
  onTransition?: (tx: Queryable, change: OutboundTransition) => Promise<void>;
  /** A message that will not arrive: staff must know (called after the change is stored). */
  onProblem?: (problem: OutboundProblemReport) => void;
  /** After a final outcome (sent, failed, undeliverable) committed: open consoles show it. */
  onSettled?: (change: OutboundTransition) => void;
  now?: () => Date;
  random?: () => number;
  metrics?: OutboundMetrics;
  logger?: OutboundWorkerLogger;
}

export type OutboundWorker = PollingWorker;

async function sendOne(api: OaApi, userId: string, m: OutgoingMessage): Promise<OaSent> {
  switch (m.type) {
    case "text": {
      const sent = await api.sendText(userId, m.text, m.quoteMessageId ? { quoteMessageId: m.quoteMessageId } : {});
      const last = sent[sent.length - 1];
      if (!last) throw new ZaloOaError("invalid_request", "empty text");
      return last;
    }
    case "buttons":
      return api.sendButtons(userId, m.text, m.buttons);
    case "image": {
      const image = m.image;
      if (image.kind === "url") return api.sendImage(userId, { url: image.url }, m.text);
      const attachmentId = image.kind === "attachment" ? image.attachmentId : await api.uploadImage(Buffer.from(image.base64, "base64"), "qr.png");
      return api.sendImage(userId, { attachmentId }, m.text);
    }
    case "request_user_info":
      return api.requestUserInfo(userId, { title: m.title, subtitle: m.subtitle, imageUrl: m.imageUrl });
  }
}

/**
 * Sends the outbound queue through the OA API. Each row is one API call; its outcome is stored
 * with the conversation's copy of the message in one transaction. Undeliverable (-230, -213, ...)
 * and invalid requests are final at once; everything else is retried with backoff and jitter
 * (a -32 also pauses every send of this instance) until `maxAttempts`, then `failed`.
 */
export function createOutboundWorker(opts: OutboundWorkerOptions): OutboundWorker {
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? Math.random;

  async function finalize(row: ClaimedOutbound, state: "failed" | "undeliverable", zaloCode: number | null, reason: string, kind: string): Promise<void> {
    const stored = await opts.db.transaction(async (tx) => {
      const ok = await opts.repo.finish(tx, row.id, opts.owner, { state, zaloCode, reason, now: now() });
      if (ok) await opts.onTransition?.(tx, { outboxId: row.id, userId: row.userId, state, zaloMessageId: null, zaloCode, reason });
      return ok;
    });
    if (!stored) return;
    opts.onSettled?.({ outboxId: row.id, userId: row.userId, state, zaloMessageId: null, zaloCode, reason });
    opts.metrics?.outcome(state, kind);
    opts.logger?.warn({ outboxId: row.id, state, zaloCode, reason }, state === "undeliverable" ? "message cannot be delivered to this Zalo user now" : "message sending failed for good");
    opts.onProblem?.({ outboxId: row.id, userId: row.userId, state, zaloCode, reason });
  }

  async function deliver(row: ClaimedOutbound): Promise<void> {
    if (!row.message) {
      await finalize(row, "failed", null, "stored message is unreadable", "invalid_request");
      return;
    }
    let sent: OaSent;
    try {
      sent = await sendOne(opts.api, row.userId, row.message);
    } catch (cause) {
      const error = cause instanceof ZaloOaError ? cause : new ZaloOaError("unavailable", (cause as Error)?.message ?? "unknown error", undefined, { cause });
      const code = error.zaloCode ?? null;
      if (error.kind === "undeliverable") return finalize(row, "undeliverable", code, error.message, error.kind);
      if (!error.retryable || row.attempts >= opts.maxAttempts) return finalize(row, "failed", code, error.message, error.kind);
      const at = new Date(now().getTime() + backoffMs(row.attempts, opts.retry, random));
      await opts.repo.reschedule(row.id, opts.owner, { at, zaloCode: code, reason: error.message, now: now() });
      opts.metrics?.outcome("retry", error.kind);
      return;
    }
    const stored = await opts.db.transaction(async (tx) => {
      const ok = await opts.repo.markSent(tx, row.id, opts.owner, sent.messageId, now());
      if (ok) await opts.onTransition?.(tx, { outboxId: row.id, userId: row.userId, state: "sent", zaloMessageId: sent.messageId, zaloCode: null, reason: null });
      return ok;
    });
    if (stored) {
      opts.onSettled?.({ outboxId: row.id, userId: row.userId, state: "sent", zaloMessageId: sent.messageId, zaloCode: null, reason: null });
      opts.metrics?.outcome("sent", "ok");
    } else opts.logger?.error({ outboxId: row.id }, "a message was sent after its lease ran out; another instance may send it again");
  }

  return createPollingWorker<ClaimedOutbound>({
    claim: (limit) => opts.repo.claimHeads({ owner: opts.owner, limit, leaseMs: opts.leaseMs, now: now() }),
    handle: async (row) => {
      try {
        await deliver(row);
      } catch (error) {
        // Storage failed while recording: the lease runs out and the row is taken again.
        opts.logger?.warn({ outboxId: row.id, err: { name: (error as Error).name, message: (error as Error).message } }, "could not record an outbound message's outcome");
      }
    },
    concurrency: opts.concurrency,
    pollMs: opts.pollMs,
    onClaimError: (error) => opts.logger?.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, "outbound claim failed"),
  });
}
