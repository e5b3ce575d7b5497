import type { StaffAuditEntry } from "@khaibao/shared";
import type { Queryable } from "../storage";

/**
 * The audit log: who did what to whom, when, why, and in which request. Append-only (the
 * migration's triggers refuse UPDATE and DELETE). Records account changes, sign-in events and
 * declarations sent to the backend again, and staff views of citizens' personal data as those
 * screens arrive.
 */
export type AuditAction =
  | "staff.account_created"
  | "staff.account_updated"
  | "staff.password_reset"
  | "staff.password_changed"
  | "staff.account_unlocked"
  | "staff.login"
  | "staff.login_locked"
  | "staff.logout_everywhere"
  | "forwarding.retried"
  /** Support inbox: a staff member revealed a citizen's full declaration, with a reason. */
  | "inbox.declaration_revealed"
  /** A citizen asked (from the mini app) to delete their data; target: the request. */
  | "privacy.deletion_requested"
  /** Everything of that request is purged (some declarations may have waited for delivery). */
  | "privacy.deletion_completed"
  /** An admin ran the retention job from the console; details: what it purged. */
  | "privacy.retention_run"
  | "checkpoint.created"
  | "checkpoint.updated"
  | "checkpoint.deactivated"
  | "export.downloaded";

export interface AuditEvent {
  actor: { id: string; username: string } | null;
  action: AuditAction;
  target?: { type: string; id: string };
  reason?: string | undefined;
  requestId?: string | undefined;
  /** Small, non-personal facts (old and new role, ...). Never passwords or citizens' data. */
  details?: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: string;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  reason: string | null;
  request_id: string | null;
  details: string | null;
}

export class AuditLog {
  constructor(private readonly db: Queryable) {}

  async record(event: AuditEvent, now: Date): Promise<void> {
    await this.db.run(
      `INSERT INTO staff_audit_log (at, actor_id, actor_username, action, target_type, target_id, reason, request_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        now,
        event.actor?.id ?? null,
        event.actor?.username ?? null,
        event.action,
        event.target?.type ?? null,
        event.target?.id ?? null,
        event.reason ? event.reason : null,
        event.requestId ?? null,
        event.details ? JSON.stringify(event.details) : null,
      ],
    );
  }

  /** Newest first; `before` pages backwards by id. */
  async list(opts: { before?: number | undefined; limit: number }): Promise<StaffAuditEntry[]> {
    // The target's current username, for people reading the log; the id stays the reference.
    const select = `SELECT l.id, l.at, l.actor_id, l.actor_username, l.action, l.target_type, l.target_id, l.reason, l.request_id, l.details,
                           a.username AS target_label
                      FROM staff_audit_log l
                      LEFT JOIN staff_accounts a ON l.target_type = 'staff_account' AND a.id = l.target_id`;
    const rows = opts.before
      ? await this.db.all<AuditRow>(`${select} WHERE l.id < $1 ORDER BY l.id DESC LIMIT $2`, [opts.before, opts.limit])
      : await this.db.all<AuditRow>(`${select} ORDER BY l.id DESC LIMIT $1`, [opts.limit]);
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      targetLabel: r.target_label,
      reason: r.reason,
      requestId: r.request_id,
      details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    }));
  }
}
