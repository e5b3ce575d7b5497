import type { Queryable } from "../../storage";
import { PersonalDataPurgedError } from "./errors";

export type OutboxState = "pending" | "done" | "dead" | "rejected";

/** A row this worker now holds until `claimedUntil`; `attempts` already counts the send about to happen. */
export interface ClaimedRow {
  declarationId: string;
  attempts: number;
  /** What the backend dedupes on: the declaration id, or a resend's own key (see `idempotencyKeyOf`). */
  idempotencyKey: string;
}

/** A row staff moved back to pending, and the state it was in. */
export interface RequeuedRow {
  declarationId: string;
  from: "dead" | "rejected";
  /** The backend's reason (rejected) or the last failure (dead), before the retry. */
  reason: string | null;
}

/**
 * The backend keeps its first verdict per key, so a declaration staff send again after a
 * rejection goes under a new key: `<id>.resend-<n>`. The body still carries our declaration id,
 * which lets the backend link the two. Dead rows keep their key: the backend may have stored an
 * earlier send whose answer was lost, and must dedupe it.
 */
export function idempotencyKeyOf(declarationId: string, resends: number): string {
  return resends > 0 ? `${declarationId}.resend-${resends}` : declarationId;
}

export interface DeadRow {
  declarationId: string;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: string | null;
}

const DUE = "state = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)";
/** The row's declaration still holds its personal data (`$1` is the declaration id). */
const NOT_PURGED = "NOT EXISTS (SELECT 1 FROM declarations d WHERE d.id = $1 AND d.personal_data_purged_at IS NOT NULL)";

/**
 * The declaration outbox: which accepted declarations still have to reach the backend. Rows are
 * claimed with a lease (claimed_until, claimed_by): a worker that dies mid-send simply lets the
 * lease run out, and the row is claimed again and re-sent with the same idempotency key.
 */
export class OutboxRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Claims up to `limit` due rows in one statement and counts the attempt now, so a row that
   * crashes its sender still reaches the dead-letter list eventually. PostgreSQL: the inner
   * SELECT locks with SKIP LOCKED, so instances claiming at once take disjoint rows (and re-check
   * the condition on rows another instance just updated). SQLite: writers are serialised.
   */
  async claimDue(opts: { owner: string; limit: number; leaseMs: number; now: Date }): Promise<ClaimedRow[]> {
    const now = opts.now.toISOString();
    const until = new Date(opts.now.getTime() + opts.leaseMs).toISOString();
    const lock = this.db.dialect === "postgres" ? "FOR UPDATE SKIP LOCKED" : "";
    const rows = await this.db.all<{ declaration_id: string; attempts: number; resends: number }>(
      `UPDATE declaration_outbox
          SET attempts = attempts + 1, claimed_until = $2, claimed_by = $3, last_attempt_at = $1, updated_at = $1
        WHERE declaration_id IN (
          SELECT declaration_id FROM declaration_outbox WHERE ${DUE}
           ORDER BY next_attempt_at LIMIT $4 ${lock})
       RETURNING declaration_id, attempts, resends`,
      [now, until, opts.owner, opts.limit],
    );
    return rows.map((r) => ({ declarationId: r.declaration_id, attempts: Number(r.attempts), idempotencyKey: idempotencyKeyOf(r.declaration_id, Number(r.resends)) }));
  }

  /** Delivered: the outbox row is done and the declaration `forwarded`, together. */
  async complete(declarationId: string, now: Date): Promise<void> {
    await this.db.transaction((tx) => completeIn(tx, declarationId, now));
  }

  /**
   * `complete` for several deliveries in one transaction (the worker's group commit). These
   * guarded UPDATEs cannot conflict, so there is no per-row outcome: every slot is `undefined`,
   * or the whole call rejects and nothing changed.
   */
  async completeMany(items: ReadonlyArray<{ declarationId: string; now: Date }>): Promise<undefined[]> {
    return this.db.transaction(async (tx) => {
      for (const { declarationId, now } of items) await completeIn(tx, declarationId, now);
      return items.map(() => undefined);
    });
  }

  /** The backend refused the declaration itself (4xx): never retried; the reason is kept on both rows. */
  async reject(declarationId: string, reason: string, now: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { changes } = await tx.run(
        `UPDATE declaration_outbox SET state = 'rejected', claimed_until = NULL, claimed_by = NULL, last_error = $2,
                finished_at = $3, updated_at = $3
          WHERE declaration_id = $1 AND state = 'pending'`,
        [declarationId, reason, now],
      );
      if (changes > 0) {
        await tx.run("UPDATE declarations SET status = 'rejected', status_reason = $2, updated_at = $3 WHERE id = $1 AND status = 'accepted'", [declarationId, reason, now]);
      }
    });
  }

  /**
   * A failed attempt: try again at `nextAttemptAt`. Only the lease holder may push a row back,
   * so a slow sender whose lease ran out cannot delay the instance that took the row over.
   */
  async reschedule(declarationId: string, owner: string, error: string, nextAttemptAt: Date, now: Date): Promise<void> {
    await this.db.run(
      `UPDATE declaration_outbox SET next_attempt_at = $4, claimed_until = NULL, claimed_by = NULL, last_error = $3, updated_at = $5
        WHERE declaration_id = $1 AND claimed_by = $2 AND state = 'pending'`,
      [declarationId, owner, error, nextAttemptAt, now],
    );
  }

  /** Out of attempts: onto the dead-letter list, for staff to look at and `retryDead`. */
  async markDead(declarationId: string, owner: string, error: string, now: Date): Promise<void> {
    await this.db.run(
      `UPDATE declaration_outbox SET state = 'dead', claimed_until = NULL, claimed_by = NULL, last_error = $3, finished_at = $4, updated_at = $4
        WHERE declaration_id = $1 AND claimed_by = $2 AND state = 'pending'`,
      [declarationId, owner, error, now],
    );
  }

  /**
   * Dead rows back to pending, due now, with a fresh attempt budget. Returns how many moved. A
   * declaration whose personal data were purged is never moved: the worker could not open it.
   */
  async retryDead(declarationIds: readonly string[], now: Date): Promise<number> {
    let moved = 0;
    // One statement per id keeps the SQL portable (no arrays) and the ids bound as parameters.
    await this.db.transaction(async (tx) => {
      for (const id of new Set(declarationIds)) {
        const { changes } = await tx.run(
          `UPDATE declaration_outbox SET state = 'pending', attempts = 0, next_attempt_at = $2, finished_at = NULL, updated_at = $2
            WHERE declaration_id = $1 AND state = 'dead' AND ${NOT_PURGED}`,
          [id, now],
        );
        moved += changes;
      }
    });
    return moved;
  }

  /**
   * A rejected row back to pending under a new key (`resends` + 1), and its declaration back to
   * `accepted`. The backend's rejection is final for what it received; staff use this after the
   * cause was put right on the backend's side. A revoked declaration is never sent again, nor
   * one whose personal data were purged (retention, deletion request): nothing is left to send.
   */
  async retryRejected(declarationId: string, now: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { changes } = await tx.run(
        `UPDATE declaration_outbox SET state = 'pending', attempts = 0, resends = resends + 1, next_attempt_at = $2, claimed_until = NULL, claimed_by = NULL,
                finished_at = NULL, updated_at = $2
          WHERE declaration_id = $1 AND state = 'rejected'
            AND EXISTS (SELECT 1 FROM declarations d WHERE d.id = $1 AND d.status = 'rejected' AND d.personal_data_purged_at IS NULL)`,
        [declarationId, now],
      );
      if (changes === 0) return false;
      await tx.run("UPDATE declarations SET status = 'accepted', status_reason = NULL, updated_at = $2 WHERE id = $1 AND status = 'rejected'", [declarationId, now]);
      return true;
    });
  }

  /**
   * Staff's "send again" for a mix of rejected and dead rows, in one transaction with whatever
   * `inside` records (the audit log): either both happen or neither. Ids in any other state are
   * left alone and not returned. If any of them was purged, nothing moves and
   * `PersonalDataPurgedError` says which: staff must not believe those were sent again.
   */
  async requeue(declarationIds: readonly string[], now: Date, inside?: (moved: RequeuedRow[]) => Promise<void>): Promise<RequeuedRow[]> {
    return this.db.transaction(async (tx) => {
      const purged: string[] = [];
      for (const id of new Set(declarationIds)) {
        const row = await tx.get(
          `SELECT 1 AS purged FROM declaration_outbox o JOIN declarations d ON d.id = o.declaration_id
            WHERE o.declaration_id = $1 AND o.state IN ('rejected', 'dead') AND d.personal_data_purged_at IS NOT NULL`,
          [id],
        );
        if (row) purged.push(id);
      }
      if (purged.length > 0) throw new PersonalDataPurgedError(purged, declarationIds);
      const moved: RequeuedRow[] = [];
      for (const id of new Set(declarationIds)) {
        const row = await tx.get<{ state: OutboxState; last_error: string | null }>("SELECT state, last_error FROM declaration_outbox WHERE declaration_id = $1", [id]);
        if (row?.state === "dead" && (await this.retryDead([id], now)) > 0) moved.push({ declarationId: id, from: "dead", reason: row.last_error });
        else if (row?.state === "rejected" && (await this.retryRejected(id, now))) moved.push({ declarationId: id, from: "rejected", reason: row.last_error });
      }
      if (inside) await inside(moved);
      return moved;
    });
  }

  async listDead(limit = 100): Promise<DeadRow[]> {
    const rows = await this.db.all<{ declaration_id: string; attempts: number; last_error: string | null; last_attempt_at: string | null }>(
      "SELECT declaration_id, attempts, last_error, last_attempt_at FROM declaration_outbox WHERE state = 'dead' ORDER BY finished_at, declaration_id LIMIT $1",
      [limit],
    );
    return rows.map((r) => ({ declarationId: r.declaration_id, attempts: Number(r.attempts), lastError: r.last_error, lastAttemptAt: r.last_attempt_at }));
  }

  async countByState(): Promise<Record<OutboxState, number>> {
    const rows = await this.db.all<{ state: OutboxState; n: number | string }>("SELECT state, COUNT(*) AS n FROM declaration_outbox GROUP BY state");
    const out: Record<OutboxState, number> = { pending: 0, done: 0, dead: 0, rejected: 0 };
    for (const r of rows) out[r.state] = Number(r.n);
    return out;
  }
}

async function completeIn(tx: Queryable, declarationId: string, now: Date): Promise<void> {
  const { changes } = await tx.run(
    `UPDATE declaration_outbox SET state = 'done', claimed_until = NULL, claimed_by = NULL, last_error = NULL,
            finished_at = $2, updated_at = $2
      WHERE declaration_id = $1 AND state = 'pending'`,
    [declarationId, now],
  );
  if (changes > 0) {
    await tx.run("UPDATE declarations SET status = 'forwarded', status_reason = NULL, updated_at = $2 WHERE id = $1 AND status = 'accepted'", [declarationId, now]);
  }
}
