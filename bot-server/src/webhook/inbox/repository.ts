import type { Queryable } from "../../storage";

export type InboxState = "pending" | "done" | "failed";

export interface NewInboxEvent {
  dedupeKey: string;
  eventName: string;
  userId: string;
  eventTimestamp: string;
  rawBody: string;
  retryNum: number;
  receivedAt: Date;
}

/** An event this worker holds until its lease ends; `attempts` counts this one. */
export interface ClaimedEvent {
  id: number;
  userId: string;
  eventName: string;
  rawBody: string;
  retryNum: number;
  attempts: number;
  receivedAt: string;
}

export interface FailedEvent {
  id: number;
  eventName: string;
  userId: string;
  attempts: number;
  lastError: string | null;
  receivedAt: string;
}

/**
 * The durable webhook inbox. An event is stored before Zalo gets its 200 (one INSERT), then
 * processed by a worker. Per user, only the oldest pending event (the head) can be claimed, so a
 * user's events are handled one at a time in arrival order, across instances too; a failed
 * event leaves the queue for the dead list and the next one goes on.
 */
/** The multi-row INSERT per row count, made once: the same text finds its prepared statement at once. */
const insertManyTexts = new Map<number, string>();
function insertManySql(rows: number): string {
  let sql = insertManyTexts.get(rows);
  if (sql === undefined) {
    const values = Array.from({ length: rows }, (_, i) => {
      const n = i * 7;
      return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, 'pending', $${n + 7}, $${n + 7})`;
    });
    sql = `INSERT INTO zalo_inbox (dedupe_key, event_name, user_id, event_timestamp, raw_body, retry_num, state, next_attempt_at, received_at)
       VALUES ${values.join(", ")}
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key`;
    // Batches are at most a few dozen events; the bound keeps an odd caller from growing it.
    if (insertManyTexts.size < 256) insertManyTexts.set(rows, sql);
  }
  return sql;
}

export class InboxRepository {
  constructor(private readonly db: Queryable) {}

  /** One statement; "duplicate" when an event with this dedupe key was already stored. */
  async insert(e: NewInboxEvent): Promise<"stored" | "duplicate"> {
    const at = e.receivedAt.toISOString();
    const { changes } = await this.db.run(
      `INSERT INTO zalo_inbox (dedupe_key, event_name, user_id, event_timestamp, raw_body, retry_num, state, next_attempt_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $7)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [e.dedupeKey, e.eventName, e.userId, e.eventTimestamp, e.rawBody, e.retryNum, at],
    );
    return changes > 0 ? "stored" : "duplicate";
  }

  /**
   * Several events in one INSERT (one round trip, one commit); returns the dedupe keys that
   * were new. Keys repeated within the batch are stored once.
   */
  async insertMany(events: readonly NewInboxEvent[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const params: Array<string | number> = [];
    for (const e of events) params.push(e.dedupeKey, e.eventName, e.userId, e.eventTimestamp, e.rawBody, e.retryNum, e.receivedAt.toISOString());
    const rows = await this.db.all<{ dedupe_key: string }>(insertManySql(events.length), params);
    return new Set(rows.map((r) => r.dedupe_key));
  }

  /**
   * Claims up to `limit` users' head events that are due and not held by a live lease. The outer
   * conditions are checked again on the row being updated (PostgreSQL re-evaluates them on rows
   * another instance changed meanwhile), and SKIP LOCKED keeps instances off each other's rows.
   */
  async claimHeads(opts: { owner: string; limit: number; leaseMs: number; now: Date }): Promise<ClaimedEvent[]> {
    const now = opts.now.toISOString();
    const until = new Date(opts.now.getTime() + opts.leaseMs).toISOString();
    const lock = this.db.dialect === "postgres" ? "FOR UPDATE SKIP LOCKED" : "";
    // SQLite's planner prefers the (state, user_id, id) index and then sorts every pending event;
    // the partial index walks them in id order and stops at the LIMIT (migration 080).
    const pendingInOrder = this.db.dialect === "sqlite" ? "INDEXED BY zalo_inbox_pending_idx" : "";
    const free = "(claimed_until IS NULL OR claimed_until <= $1)";
    const rows = await this.db.all<{ id: number | string; user_id: string; event_name: string; raw_body: string; retry_num: number; attempts: number; received_at: string }>(
      `UPDATE zalo_inbox SET attempts = attempts + 1, claimed_until = $2, claimed_by = $3
        WHERE id IN (
          SELECT i.id FROM zalo_inbox i ${pendingInOrder}
           WHERE i.state = 'pending' AND i.next_attempt_at <= $1 AND (i.claimed_until IS NULL OR i.claimed_until <= $1)
             AND i.id = (SELECT MIN(j.id) FROM zalo_inbox j WHERE j.state = 'pending' AND j.user_id = i.user_id)
           ORDER BY i.id LIMIT $4 ${lock})
          AND state = 'pending' AND ${free}
       RETURNING id, user_id, event_name, raw_body, retry_num, attempts, received_at`,
      [now, until, opts.owner, opts.limit],
    );
    return rows
      .map((r) => ({
        id: Number(r.id),
        userId: r.user_id,
        eventName: r.event_name,
        rawBody: r.raw_body,
        retryNum: Number(r.retry_num),
        attempts: Number(r.attempts),
        receivedAt: r.received_at,
      }))
      .sort((a, b) => a.id - b.id);
  }

  /**
   * Marks the event handled, inside the caller's transaction with the effects of handling it.
   * False when this worker no longer holds it (its lease ran out and another instance took it):
   * the caller must then roll its effects back.
   */
  async complete(tx: Queryable, id: number, owner: string, now: Date): Promise<boolean> {
    const { changes } = await tx.run(
      `UPDATE zalo_inbox SET state = 'done', claimed_until = NULL, claimed_by = NULL, last_error = NULL, finished_at = $3
        WHERE id = $1 AND claimed_by = $2 AND state = 'pending'`,
      [id, owner, now],
    );
    return changes > 0;
  }

  /** Try again at `at`. `refund` undoes the attempt count (a deferral, not a failure). */
  async reschedule(id: number, owner: string, opts: { at: Date; error: string | null; refund: boolean }): Promise<void> {
    await this.db.run(
      `UPDATE zalo_inbox SET next_attempt_at = $3, claimed_until = NULL, claimed_by = NULL, last_error = $4,
              attempts = attempts - $5
        WHERE id = $1 AND claimed_by = $2 AND state = 'pending'`,
      [id, owner, opts.at, opts.error, opts.refund ? 1 : 0],
    );
  }

  /** Given up: off the user's queue (their next event goes on), kept for staff with the reason. */
  async fail(id: number, owner: string, error: string, now: Date): Promise<void> {
    await this.db.run(
      `UPDATE zalo_inbox SET state = 'failed', claimed_until = NULL, claimed_by = NULL, last_error = $3, finished_at = $4
        WHERE id = $1 AND claimed_by = $2 AND state = 'pending'`,
      [id, owner, error, now],
    );
  }

  async listFailed(limit = 100): Promise<FailedEvent[]> {
    const rows = await this.db.all<{ id: number | string; event_name: string; user_id: string; attempts: number; last_error: string | null; received_at: string }>(
      "SELECT id, event_name, user_id, attempts, last_error, received_at FROM zalo_inbox WHERE state = 'failed' ORDER BY id DESC LIMIT $1",
      [limit],
    );
    return rows.map((r) => ({ id: Number(r.id), eventName: r.event_name, userId: r.user_id, attempts: Number(r.attempts), lastError: r.last_error, receivedAt: r.received_at }));
  }

  async countByState(): Promise<Record<InboxState, number>> {
    const rows = await this.db.all<{ state: InboxState; n: number | string }>("SELECT state, COUNT(*) AS n FROM zalo_inbox GROUP BY state");
    const out: Record<InboxState, number> = { pending: 0, done: 0, failed: 0 };
    for (const r of rows) out[r.state] = Number(r.n);
    return out;
  }
}
