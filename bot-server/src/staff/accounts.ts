import { randomUUID } from "node:crypto";
import type { StaffAccount, StaffRole } from "@khaibao/shared";
import type { Queryable } from "../storage";

/** A staff account as stored; `passwordHash` never leaves the server (see `toPublicAccount`). */
export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  passwordHash: string;
  mustChangePassword: boolean;
  disabled: boolean;
  passwordChangedAt: string;
  lastLoginAt: string | null;
  createdAt: string;
}

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  password_changed_at: string;
  last_login_at: string | null;
  created_at: string;
}

const COLUMNS = "id, username, display_name, role, password_hash, must_change_password, disabled, password_changed_at, last_login_at, created_at";

function fromRow(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    passwordChangedAt: row.password_changed_at,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export function toPublicAccount(a: AccountRecord, lockedUntil: string | null): StaffAccount {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    disabled: a.disabled,
    mustChangePassword: a.mustChangePassword,
    createdAt: a.createdAt,
    lastLoginAt: a.lastLoginAt,
    lockedUntil,
  };
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  passwordHash: string;
  mustChangePassword: boolean;
}

export class AccountRepository {
  constructor(private readonly db: Queryable) {}

  /** Throws a unique violation (`isUniqueViolation`) when the username is taken. */
  async create(a: NewAccount, now: Date): Promise<AccountRecord> {
    const id = randomUUID();
    await this.db.run(
      `INSERT INTO staff_accounts (id, username, display_name, role, password_hash, must_change_password, disabled, password_changed_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $7, $7)`,
      [id, a.username, a.displayName, a.role, a.passwordHash, a.mustChangePassword, now],
    );
    const created = await this.byId(id);
    if (!created) throw new Error("staff account vanished after insert");
    return created;
  }

  async byId(id: string): Promise<AccountRecord | undefined> {
    const row = await this.db.get<AccountRow>(`SELECT ${COLUMNS} FROM staff_accounts WHERE id = $1`, [id]);
    return row && fromRow(row);
  }

  async byUsername(username: string): Promise<AccountRecord | undefined> {
    const row = await this.db.get<AccountRow>(`SELECT ${COLUMNS} FROM staff_accounts WHERE username = $1`, [username]);
    return row && fromRow(row);
  }

  async list(): Promise<AccountRecord[]> {
    const rows = await this.db.all<AccountRow>(`SELECT ${COLUMNS} FROM staff_accounts ORDER BY username`);
    return rows.map(fromRow);
  }

  async count(): Promise<number> {
    const row = await this.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM staff_accounts");
    return Number(row?.n ?? 0);
  }

  /** Active admins other than `exceptId`: an account change must leave at least one. */
  async countOtherActiveAdmins(exceptId: string): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM staff_accounts WHERE role = 'admin' AND disabled = 0 AND id <> $1",
      [exceptId],
    );
    return Number(row?.n ?? 0);
  }

  async update(id: string, change: { role?: StaffRole; displayName?: string; disabled?: boolean }, now: Date): Promise<void> {
    const sets: string[] = [];
    const params: (string | boolean | Date)[] = [id, now];
    if (change.role !== undefined) {
      params.push(change.role);
      sets.push(`role = $${params.length}`);
    }
    if (change.displayName !== undefined) {
      params.push(change.displayName);
      sets.push(`display_name = $${params.length}`);
    }
    if (change.disabled !== undefined) {
      params.push(change.disabled);
      sets.push(`disabled = $${params.length}`);
    }
    if (sets.length === 0) return;
    await this.db.run(`UPDATE staff_accounts SET ${sets.join(", ")}, updated_at = $2 WHERE id = $1`, params);
  }

  async setPassword(id: string, passwordHash: string, mustChange: boolean, now: Date): Promise<void> {
    await this.db.run(
      "UPDATE staff_accounts SET password_hash = $2, must_change_password = $3, password_changed_at = $4, updated_at = $4 WHERE id = $1",
      [id, passwordHash, mustChange, now],
    );
  }

  async recordLogin(id: string, now: Date): Promise<void> {
    await this.db.run("UPDATE staff_accounts SET last_login_at = $2 WHERE id = $1", [id, now]);
  }
}
