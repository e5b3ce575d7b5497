import { outgoingMessageSchema, type OutgoingMessage } from "@khaibao/shared";
import type { Queryable } from "../../../storage";
import { toSendable } from "./sendable";

export type OutboundState = "queued" | "sending" | "sent" | "failed" | "undeliverable";

export interface EnqueuedRow {
  id: number;
  userId: string;
  message: OutgoingMessage;
}

/** A row this worker is sending; `attempts` counts this attempt. `message` is undefined if the stored JSON is unreadable. */
export interface ClaimedOutbound {
  id: number;
  userId: string;
  message: OutgoingMessage | undefined;
  attempts: number;
}

export interface OutboundProblem {
  id: number;
  userId: string;
  state: "failed" | "undeliverable";
  zaloCode: number | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

const DUE = "((state = 'queued' AND next_attempt_at <= $1) OR (state = 'sending' AND claimed_until <= $1))";

/**
 * The outbound queue: every message to a Zalo user, stored before it is sent (a reply accepted is
 * a reply sent or reported). Per user only the oldest unfinished row is sent, so pieces arrive in
 * order. States: queued -> sending -> sent | failed (reason, Zalo code) | undeliverable
 * (Zalo cannot reach the user now: -230, -213, ...); sending -> queued again for a retry.
 */
export class OutboundRepository {
  constructor(private readonly db: Queryable) {}

  /** Queues messages (split into one row per Zalo message) inside the caller's transaction. */
  async enqueue(tx: Queryable, userId: string, messages: readonly OutgoingMessage[], now: Date): Promise<EnqueuedRow[]> {
    const rows: EnqueuedRow[] = [];
    for (const message of toSendable(messages)) {
      const row = await tx.get<{ id: number | string }>(
        `INSERT INTO zalo_outbox (user_id, message, state, next_attempt_at, created_at, updated_at)
         VALUES ($1, $2, 'queued', $3, $3, $3) RETURNING id`,
        [userId, JSON.stringify(message), now],
      );
      rows.push({ id: Number(row?.id), userId, message });
    }
    return rows;
  }

  async claimHeads(opts: { owner: string; limit: number; leaseMs: number; now: Date }): Promise<ClaimedOutbound[]> {
    const now = opts.now.toISOString();
    const until = new Date(opts.now.getTime() + opts.leaseMs).toISOString();
    const lock = this.db.dialect === "postgres" ? "FOR UPDATE SKIP LOCKED" : "";
    // Walk only queued/sending rows in id order (migration 080) instead of sorting them all: the
    // queue grows long when Zalo's rate limit holds replies back.
    const liveInOrder = this.db.dialect === "sqlite" ? "INDEXED BY zalo_outbox_live_idx" : "";
    const rows = await this.db.all<{ id: number | string; user_id: string; message: string; attempts: number }>(
      `UPDATE zalo_outbox SET state = 'sending', attempts = attempts + 1, claimed_until = $2, claimed_by = $3, updated_at = $1
        WHERE id IN (
          SELECT o.id FROM zalo_outbox o ${liveInOrder}
           WHERE o.state IN ('queued', 'sending') AND ((o.state = 'queued' AND o.next_attempt_at <= $1) OR (o.state = 'sending' AND o.claimed_until <= $1))
             AND o.id = (SELECT MIN(p.id) FROM zalo_outbox p WHERE p.user_id = o.user_id AND p.state IN ('queued', 'sending'))
           ORDER BY o.id LIMIT $4 ${lock})
          AND ${DUE}
       RETURNING id, user_id, message, attempts`,
      [now, until, opts.owner, opts.limit],
    );
    return rows
      .map((r) => ({ id: Number(r.id), userId: r.user_id, message: readMessage(r.message), attempts: Number(r.attempts) }))
      .sort((a, b) => a.id - b.id);
  }

  /** Sent: remembers Zalo's message id (its echo is then ours). False if this worker lost the row. */
  async markSent(tx: Queryable, id: number, owner: string, zaloMessageId: string | null, now: Date): Promise<boolean> {
    const { changes } = await tx.run(
      `UPDATE zalo_outbox SET state = 'sent', zalo_message_id = $3, claimed_until = NULL, claimed_by = NULL, zalo_code = NULL, reason = NULL,
              sent_at = $4, updated_at = $4
        WHERE id = $1 AND claimed_by = $2 AND state = 'sending'`,
      [id, owner, zaloMessageId, now],
    );
    return changes > 0;
  }

  /** A failed attempt worth repeating: back to queued until `at` (the user's later rows wait behind it). */
  async reschedule(id: number, owner: string, opts: { at: Date; zaloCode: number | null; reason: string; now: Date }): Promise<void> {
    await this.db.run(
      `UPDATE zalo_outbox SET state = 'queued', next_attempt_at = $3, claimed_until = NULL, claimed_by = NULL, zalo_code = $4, reason = $5, updated_at = $6
        WHERE id = $1 AND claimed_by = $2 AND state = 'sending'`,
      [id, owner, opts.at, opts.zaloCode, opts.reason, opts.now],
    );
  }

  /** Final: failed or undeliverable, with Zalo's code and reason, for staff. False if this worker lost the row. */
  async finish(tx: Queryable, id: number, owner: string, opts: { state: "failed" | "undeliverable"; zaloCode: number | null; reason: string; now: Date }): Promise<boolean> {
    const { changes } = await tx.run(
      `UPDATE zalo_outbox SET state = $3, claimed_until = NULL, claimed_by = NULL, zalo_code = $4, reason = $5, updated_at = $6
        WHERE id = $1 AND claimed_by = $2 AND state = 'sending'`,
      [id, owner, opts.state, opts.zaloCode, opts.reason, opts.now],
    );
    return changes > 0;
  }

  /**
   * Staff asked to send a failed or undeliverable message again (e.g. the citizen wrote, so
   * Zalo's 7-day window is open again): queued afresh, attempts counted from zero.
   */
  async requeue(tx: Queryable, id: number, now: Date): Promise<boolean> {
    const { changes } = await tx.run(
      `UPDATE zalo_outbox SET state = 'queued', attempts = 0, next_attempt_at = $2, zalo_code = NULL, reason = NULL, updated_at = $2
        WHERE id = $1 AND state IN ('failed', 'undeliverable')`,
      [id, now],
    );
    return changes > 0;
  }

  /** Ours, if Zalo's message id is one we sent. */
  async findByZaloMessageId(zaloMessageId: string): Promise<{ id: number; userId: string } | undefined> {
    const row = await this.db.get<{ id: number | string; user_id: string }>("SELECT id, user_id FROM zalo_outbox WHERE zalo_message_id = $1", [zaloMessageId]);
    return row ? { id: Number(row.id), userId: row.user_id } : undefined;
  }

  /** True while a send to this user is under way (its echo may arrive before we know its id). */
  async hasSending(userId: string): Promise<boolean> {
    return (await this.db.get("SELECT id FROM zalo_outbox WHERE user_id = $1 AND state = 'sending' LIMIT 1", [userId])) !== undefined;
  }

  /**
   * A text we tried to send whose outcome we do not know (timed out, answered without an id):
   * the echo with the same text proves it went out.
   */
  async findUnconfirmedText(userId: string, text: string, since: Date): Promise<{ id: number; state: OutboundState } | undefined> {
    const rows = await this.db.all<{ id: number | string; state: OutboundState; message: string }>(
      `SELECT id, state, message FROM zalo_outbox
        WHERE user_id = $1 AND zalo_message_id IS NULL AND created_at >= $2
          AND (state = 'sent' OR (state = 'queued' AND attempts > 0))
        ORDER BY id LIMIT 20`,
      [userId, since],
    );
    for (const r of rows) {
      const m = readMessage(r.message);
      if (m && (m.type === "text" || m.type === "buttons") && m.text === text) return { id: Number(r.id), state: r.state };
    }
    return undefined;
  }

  /** The echo showed the message went out: sent, with its id, and never sent again. */
  async confirmByEcho(tx: Queryable, id: number, zaloMessageId: string, now: Date): Promise<boolean> {
    const { changes } = await tx.run(
      `UPDATE zalo_outbox SET state = 'sent', zalo_message_id = $2, claimed_until = NULL, claimed_by = NULL, zalo_code = NULL, reason = NULL,
              sent_at = COALESCE(sent_at, $3), updated_at = $3
        WHERE id = $1 AND zalo_message_id IS NULL AND state IN ('queued', 'sent')`,
      [id, zaloMessageId, now],
    );
    return changes > 0;
  }

  async listProblems(limit = 100): Promise<OutboundProblem[]> {
    const rows = await this.db.all<{ id: number | string; user_id: string; state: "failed" | "undeliverable"; zalo_code: number | null; reason: string | null; created_at: string; updated_at: string }>(
      "SELECT id, user_id, state, zalo_code, reason, created_at, updated_at FROM zalo_outbox WHERE state IN ('failed', 'undeliverable') ORDER BY id DESC LIMIT $1",
      [limit],
    );
    return rows.map((r) => ({ id: Number(r.id), userId: r.user_id, state: r.state, zaloCode: r.zalo_code === null ? null : Number(r.zalo_code), reason: r.reason, createdAt: r.created_at, updatedAt: r.updated_at }));
  }

  async countByState(): Promise<Record<OutboundState, number>> {
    const rows = await this.db.all<{ state: OutboundState; n: number | string }>("SELECT state, COUNT(*) AS n FROM zalo_outbox GROUP BY state");
    const out: Record<OutboundState, number> = { queued: 0, sending: 0, sent: 0, failed: 0, undeliverable: 0 };
    for (const r of rows) out[r.state] = Number(r.n);
    return out;
  }
}

function readMessage(json: string): OutgoingMessage | undefined {
  try {
    const parsed = outgoingMessageSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
