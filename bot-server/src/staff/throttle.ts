import type { Queryable } from "../storage";

/**
 * Wrong-password lockout, per typed username and in the database (so every instance agrees):
 * after `maxFailures` wrong passwords in a row the name is locked for `lockMs`, even for the
 * right password. Unknown names are counted the same way, so "locked" never tells an attacker
 * that an account exists. A successful login or an admin's unlock clears the counter.
 */
export interface LockoutPolicy {
  maxFailures: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 10, lockMs: 15 * 60_000 };

export class LoginLockout {
  constructor(
    private readonly db: Queryable,
    readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
  ) {}

  /** When the name is locked now, until when. */
  async lockedUntil(username: string, now: Date): Promise<Date | undefined> {
    const row = await this.db.get<{ locked_until: string | null }>("SELECT locked_until FROM staff_login_throttle WHERE username = $1", [username]);
    if (!row?.locked_until) return undefined;
    const until = new Date(row.locked_until);
    return until > now ? until : undefined;
  }

  /** Locks of several names at once, for the accounts list. */
  async lockedUntilAll(now: Date): Promise<Map<string, string>> {
    const rows = await this.db.all<{ username: string; locked_until: string }>(
      "SELECT username, locked_until FROM staff_login_throttle WHERE locked_until > $1",
      [now],
    );
    return new Map(rows.map((r) => [r.username, r.locked_until]));
  }

  /**
   * Counts one wrong password atomically (one upsert, safe with concurrent attempts on both
   * databases); returns the lock's end when this failure locked the name.
   */
  async recordFailure(username: string, now: Date): Promise<Date | undefined> {
    const row = await this.db.get<{ failures: number }>(
      `INSERT INTO staff_login_throttle (username, failures, locked_until, updated_at) VALUES ($1, 1, NULL, $2)
       ON CONFLICT (username) DO UPDATE SET
         failures = CASE WHEN staff_login_throttle.locked_until IS NOT NULL AND staff_login_throttle.locked_until <= $2
                         THEN 1 ELSE staff_login_throttle.failures + 1 END,
         locked_until = CASE WHEN staff_login_throttle.locked_until IS NOT NULL AND staff_login_throttle.locked_until <= $2
                         THEN NULL ELSE staff_login_throttle.locked_until END,
         updated_at = $2
       RETURNING failures`,
      [username, now],
    );
    if (Number(row?.failures ?? 0) < this.policy.maxFailures) return undefined;
    const until = new Date(now.getTime() + this.policy.lockMs);
    const { changes } = await this.db.run(
      "UPDATE staff_login_throttle SET locked_until = $2, failures = 0, updated_at = $3 WHERE username = $1 AND failures >= $4",
      [username, until, now, this.policy.maxFailures],
    );
    return changes > 0 ? until : undefined;
  }

  async clear(username: string): Promise<void> {
    await this.db.run("DELETE FROM staff_login_throttle WHERE username = $1", [username]);
  }

  /** Housekeeping: counters of names nobody has tried for a day and that are not locked. */
  async forgetStale(now: Date): Promise<number> {
    const dayAgo = new Date(now.getTime() - 86_400_000);
    const { changes } = await this.db.run(
      "DELETE FROM staff_login_throttle WHERE updated_at < $1 AND (locked_until IS NULL OR locked_until < $2)",
      [dayAgo, now],
    );
    return changes;
  }
}

/**
 * Wrong passwords per client address in a fixed window, in memory (per instance): slows one
 * machine guessing across many usernames, which the per-name lockout does not see. Only failures
 * count, so a police station behind one NAT address is not blocked by its own successful logins.
 */
export interface AddressThrottle {
  /** Seconds to wait when the address is over its budget, else undefined. */
  retryAfter(address: string): number | undefined;
  recordFailure(address: string): void;
}

export function createAddressThrottle(opts: { maxFailures: number; windowMs: number; now?: () => number; maxAddresses?: number }): AddressThrottle {
  const now = opts.now ?? Date.now;
  const maxAddresses = opts.maxAddresses ?? 50_000;
  const windows = new Map<string, { start: number; failures: number }>();
  const current = (address: string) => {
    const w = windows.get(address);
    if (w && now() - w.start < opts.windowMs) return w;
    if (w) windows.delete(address);
    return undefined;
  };
  return {
    retryAfter(address) {
      const w = current(address);
      if (!w || w.failures < opts.maxFailures) return undefined;
      return Math.max(1, Math.ceil((w.start + opts.windowMs - now()) / 1000));
    },
    recordFailure(address) {
      const w = current(address) ?? { start: now(), failures: 0 };
      w.failures += 1;
      windows.delete(address); // re-inserted: Map order is recency, the oldest is evicted first
      windows.set(address, w);
      if (windows.size > maxAddresses) {
        const oldest = windows.keys().next();
        if (!oldest.done) windows.delete(oldest.value);
      }
    },
  };
}
