import type { StaffRole } from "@khaibao/shared";
import type { Queryable } from "../storage";

/** A live session joined with its account, as every authenticated request needs it. */
export interface SessionRecord {
  id: string;
  accountId: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  expiresAt: string;
  username: string;
  displayName: string;
  role: StaffRole;
  mustChangePassword: boolean;
  disabled: boolean;
}

interface SessionRow {
  id: string;
  account_id: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  expires_at: string;
  username: string;
  display_name: string;
  role: StaffRole;
  must_change_password: number;
  disabled: number;
}

/** Sessions by the SHA-256 of their token (`sessionIdOf`); the token itself is never stored. */
export class SessionRepository {
  constructor(private readonly db: Queryable) {}

  async create(s: { id: string; accountId: string; now: Date; idleExpiresAt: Date; expiresAt: Date }): Promise<void> {
    await this.db.run(
      "INSERT INTO staff_sessions (id, account_id, created_at, last_seen_at, idle_expires_at, expires_at) VALUES ($1, $2, $3, $3, $4, $5)",
      [s.id, s.accountId, s.now, s.idleExpiresAt, s.expiresAt],
    );
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const row = await this.db.get<SessionRow>(
      `SELECT s.id, s.account_id, s.created_at, s.last_seen_at, s.idle_expires_at, s.expires_at,
              a.username, a.display_name, a.role, a.must_change_password, a.disabled
         FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id
        WHERE s.id = $1`,
      [id],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      accountId: row.account_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      idleExpiresAt: row.idle_expires_at,
      expiresAt: row.expires_at,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      mustChangePassword: row.must_change_password === 1,
      disabled: row.disabled === 1,
    };
  }

  /** Slides the idle expiry, never past the absolute one. */
  async touch(id: string, now: Date, idleExpiresAt: Date): Promise<void> {
    await this.db.run("UPDATE staff_sessions SET last_seen_at = $2, idle_expires_at = $3 WHERE id = $1", [id, now, idleExpiresAt]);
  }

  async delete(id: string): Promise<void> {
    await this.db.run("DELETE FROM staff_sessions WHERE id = $1", [id]);
  }

  /** Every session of the account, or every one but `keepId`. Returns how many ended. */
  async deleteForAccount(accountId: string, keepId?: string): Promise<number> {
    const { changes } = keepId
      ? await this.db.run("DELETE FROM staff_sessions WHERE account_id = $1 AND id <> $2", [accountId, keepId])
      : await this.db.run("DELETE FROM staff_sessions WHERE account_id = $1", [accountId]);
    return changes;
  }

  /** Housekeeping: sessions past either expiry. */
  async deleteExpired(now: Date): Promise<number> {
    const { changes } = await this.db.run("DELETE FROM staff_sessions WHERE expires_at <= $1 OR idle_expires_at <= $1", [now]);
    return changes;
  }
}
