import type { CreateStaffAccountRequest, StaffAccount, StaffRole } from "@khaibao/shared";
import { AppError } from "../http/errors";
import { isUniqueViolation, type Queryable } from "../storage";
import { AccountRepository, toPublicAccount, type AccountRecord } from "./accounts";
import { AuditLog } from "./audit";
import { hashPassword, type ScryptParams } from "./passwords";
import { SessionRepository } from "./sessions";
import { LoginLockout, type LockoutPolicy } from "./throttle";

export interface Actor {
  id: string;
  username: string;
}

export interface ManageDeps {
  db: Queryable;
  hashing: ScryptParams;
  lockout: LockoutPolicy;
  now: () => Date;
}

const notFound = () => new AppError("staff.account_not_found", 404);
const cannotChangeSelf = () => new AppError("staff.cannot_change_self", 409);

/**
 * What an admin does to accounts, each change and its audit entry in one transaction (the log
 * never says something happened that did not, nor misses something that did). Rules: nobody
 * disables, demotes or resets themself, and at least one active admin always remains.
 */
export class AccountManagement {
  constructor(private readonly deps: ManageDeps) {}

  private repos(tx: Queryable) {
    return { accounts: new AccountRepository(tx), sessions: new SessionRepository(tx), audit: new AuditLog(tx), lockout: new LoginLockout(tx, this.deps.lockout) };
  }

  async list(): Promise<StaffAccount[]> {
    const { accounts, lockout } = this.repos(this.deps.db);
    const locks = await lockout.lockedUntilAll(this.deps.now());
    return (await accounts.list()).map((a) => toPublicAccount(a, locks.get(a.username) ?? null));
  }

  /**
   * A new account. `mustChangePassword` is true when someone other than the person chose the
   * password (an admin in the console); the CLI and the dev bootstrap set their own.
   */
  async create(input: CreateStaffAccountRequest & { role: StaffRole }, actor: Actor | null, opts: { mustChangePassword: boolean; requestId?: string | undefined; via?: string }): Promise<StaffAccount> {
    const passwordHash = await hashPassword(input.password, this.deps.hashing);
    const now = this.deps.now();
    try {
      return await this.deps.db.transaction(async (tx) => {
        const { accounts, audit } = this.repos(tx);
        const created = await accounts.create({ username: input.username, displayName: input.displayName, role: input.role, passwordHash, mustChangePassword: opts.mustChangePassword }, now);
        await audit.record(
          { actor, action: "staff.account_created", target: { type: "staff_account", id: created.id }, requestId: opts.requestId, details: { username: created.username, role: created.role, ...(opts.via ? { via: opts.via } : {}) } },
          now,
        );
        return toPublicAccount(created, null);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("staff.username_taken", 409, { fields: [{ path: "username", code: "staff.username_taken" }] });
      throw error;
    }
  }

  async update(id: string, change: { role?: StaffRole | undefined; displayName?: string | undefined; disabled?: boolean | undefined; reason?: string | undefined }, actor: Actor, requestId?: string): Promise<StaffAccount> {
    const now = this.deps.now();
    return this.deps.db.transaction(async (tx) => {
      const { accounts, sessions, audit, lockout } = this.repos(tx);
      await serialiseAccountChanges(tx);
      const before = await accounts.byId(id);
      if (!before) throw notFound();
      const roleChanges = change.role !== undefined && change.role !== before.role;
      const disabling = change.disabled === true && !before.disabled;
      if (id === actor.id && (roleChanges || change.disabled !== undefined)) throw cannotChangeSelf();
      const losesAdmin = before.role === "admin" && !before.disabled && ((roleChanges && change.role !== "admin") || disabling);
      if (losesAdmin) await this.assertAnotherAdmin(tx, id);
      await accounts.update(id, { role: change.role, displayName: change.displayName, disabled: change.disabled }, now);
      // A disabled person is out at once, not at their session's expiry.
      if (disabling) await sessions.deleteForAccount(id);
      const after = (await accounts.byId(id)) as AccountRecord;
      await audit.record({ actor, action: "staff.account_updated", target: { type: "staff_account", id }, reason: change.reason, requestId, details: diff(before, after) }, now);
      return toPublicAccount(after, (await lockout.lockedUntil(after.username, now))?.toISOString() ?? null);
    });
  }

  /**
   * A temporary password the person must change at their next login (unless `mustChange` is
   * false: the CLI, where the person sets their own); their sessions end and any lock clears.
   */
  async resetPassword(
    id: string,
    password: string,
    actor: Actor | null,
    opts: { reason?: string | undefined; requestId?: string | undefined; mustChange?: boolean; via?: string } = {},
  ): Promise<StaffAccount> {
    if (actor && id === actor.id) throw cannotChangeSelf();
    const passwordHash = await hashPassword(password, this.deps.hashing);
    const now = this.deps.now();
    return this.deps.db.transaction(async (tx) => {
      const { accounts, sessions, audit, lockout } = this.repos(tx);
      const account = await accounts.byId(id);
      if (!account) throw notFound();
      await accounts.setPassword(id, passwordHash, opts.mustChange ?? true, now);
      await sessions.deleteForAccount(id);
      await lockout.clear(account.username);
      await audit.record(
        { actor, action: "staff.password_reset", target: { type: "staff_account", id }, reason: opts.reason, requestId: opts.requestId, ...(opts.via ? { details: { via: opts.via } } : {}) },
        now,
      );
      return toPublicAccount((await accounts.byId(id)) as AccountRecord, null);
    });
  }

  async unlock(id: string, actor: Actor, requestId?: string): Promise<StaffAccount> {
    const now = this.deps.now();
    return this.deps.db.transaction(async (tx) => {
      const { accounts, audit, lockout } = this.repos(tx);
      const account = await accounts.byId(id);
      if (!account) throw notFound();
      await lockout.clear(account.username);
      await audit.record({ actor, action: "staff.account_unlocked", target: { type: "staff_account", id }, requestId }, now);
      return toPublicAccount(account, null);
    });
  }

  private async assertAnotherAdmin(tx: Queryable, exceptId: string): Promise<void> {
    if ((await new AccountRepository(tx).countOtherActiveAdmins(exceptId)) === 0) throw new AppError("staff.last_admin", 409);
  }
}

/**
 * Two admins demoting each other at once must not leave none: on PostgreSQL (READ COMMITTED)
 * account changes take one transaction-scoped advisory lock; SQLite transactions are serial.
 */
async function serialiseAccountChanges(tx: Queryable): Promise<void> {
  if (tx.dialect === "postgres") await tx.exec("SELECT pg_advisory_xact_lock(hashtext('khaibao.staff_accounts'))");
}

/** Old and new values of what changed, for the audit entry (names and roles, nothing secret). */
function diff(before: AccountRecord, after: AccountRecord): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  if (before.role !== after.role) out["role"] = { from: before.role, to: after.role };
  if (before.disabled !== after.disabled) out["disabled"] = { from: before.disabled, to: after.disabled };
  if (before.displayName !== after.displayName) out["displayName"] = { from: before.displayName, to: after.displayName };
  return out;
}
