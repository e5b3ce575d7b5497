import { AppError, unauthorized } from "../http/errors";
import type { AccountRepository } from "./accounts";
import type { AuditLog } from "./audit";
import { makeDecoyHash, needsRehash, verifyPassword, hashPassword, type ScryptParams } from "./passwords";
import type { SessionRecord, SessionRepository } from "./sessions";
import type { AddressThrottle, LoginLockout } from "./throttle";
import { newSessionToken, sessionIdOf, SESSION_TOKEN_PATTERN } from "./tokens";

export interface SessionPolicy {
  /** The session ends after this long without a request. */
  idleMs: number;
  /** ...and this long after login whatever happens. */
  absoluteMs: number;
  /** Sliding the idle expiry costs a write; do it at most this often per session. */
  touchEveryMs: number;
}

export interface StaffAuthDeps {
  accounts: AccountRepository;
  sessions: SessionRepository;
  lockout: LoginLockout;
  addresses: AddressThrottle;
  audit: AuditLog;
  hashing: ScryptParams;
  policy: SessionPolicy;
  now: () => Date;
}

export interface RequestInfo {
  address: string;
  requestId?: string | undefined;
}

const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

function lockedError(until: Date, now: Date): AppError {
  return new AppError("staff.account_locked", 429, {
    params: { minutes: minutesUntil(until, now) },
    headers: { "Retry-After": String(Math.ceil((until.getTime() - now.getTime()) / 1000)) },
  });
}

/**
 * Sign-in, sessions and sign-out. Errors are the typed AppErrors the one error handler answers;
 * a wrong username and a wrong password look the same (same code, same scrypt cost).
 */
export class StaffAuth {
  private decoy: Promise<string> | undefined;

  constructor(private readonly deps: StaffAuthDeps) {}

  async login(usernameInput: string, password: string, info: RequestInfo): Promise<{ token: string; session: SessionRecord }> {
    const { accounts, lockout, addresses, audit } = this.deps;
    const now = this.deps.now();
    const wait = addresses.retryAfter(info.address);
    if (wait !== undefined) throw new AppError("http.rate_limited", 429, { headers: { "Retry-After": String(wait) } });
    const username = usernameInput.trim().toLowerCase();
    const locked = await lockout.lockedUntil(username, now);
    if (locked) throw lockedError(locked, now);

    const account = await accounts.byUsername(username);
    this.decoy ??= makeDecoyHash(this.deps.hashing);
    const good = await verifyPassword(password, account?.passwordHash ?? (await this.decoy));
    if (!account || !good || account.disabled) {
      addresses.recordFailure(info.address);
      const lockedNow = await lockout.recordFailure(username, now);
      if (lockedNow) {
        if (account) {
          await audit.record({ actor: null, action: "staff.login_locked", target: { type: "staff_account", id: account.id }, requestId: info.requestId, details: { until: lockedNow.toISOString() } }, now);
        }
        throw lockedError(lockedNow, now);
      }
      throw new AppError("staff.login_failed", 401);
    }

    await lockout.clear(username);
    if (needsRehash(account.passwordHash, this.deps.hashing)) {
      await accounts.setPassword(account.id, await hashPassword(password, this.deps.hashing), account.mustChangePassword, now);
    }
    const token = newSessionToken();
    const session = await this.open(account.id, token, now);
    await accounts.recordLogin(account.id, now);
    await audit.record({ actor: { id: account.id, username: account.username }, action: "staff.login", requestId: info.requestId }, now);
    return { token, session };
  }

  /** A new session for the account (login, or after the person changed their password). */
  async open(accountId: string, token: string, now: Date): Promise<SessionRecord> {
    const { policy, sessions } = this.deps;
    const expiresAt = new Date(now.getTime() + policy.absoluteMs);
    const idleExpiresAt = new Date(Math.min(now.getTime() + policy.idleMs, expiresAt.getTime()));
    const id = sessionIdOf(token);
    await sessions.create({ id, accountId, now, idleExpiresAt, expiresAt });
    const session = await sessions.get(id);
    if (!session) throw new Error("staff session vanished after insert");
    return session;
  }

  /**
   * The live session a cookie's token belongs to, sliding its idle expiry; undefined when the
   * token is unknown, expired either way, or its account is disabled (such sessions are deleted).
   */
  async resolve(token: string): Promise<SessionRecord | undefined> {
    if (!SESSION_TOKEN_PATTERN.test(token)) return undefined;
    const { sessions, policy } = this.deps;
    const now = this.deps.now();
    const session = await sessions.get(sessionIdOf(token));
    if (!session) return undefined;
    const t = now.getTime();
    if (session.disabled || t >= Date.parse(session.expiresAt) || t >= Date.parse(session.idleExpiresAt)) {
      await sessions.delete(session.id);
      return undefined;
    }
    if (t - Date.parse(session.lastSeenAt) >= policy.touchEveryMs) {
      const idleExpiresAt = new Date(Math.min(t + policy.idleMs, Date.parse(session.expiresAt)));
      await sessions.touch(session.id, now, idleExpiresAt);
      return { ...session, lastSeenAt: now.toISOString(), idleExpiresAt: idleExpiresAt.toISOString() };
    }
    return session;
  }

  async logout(session: SessionRecord): Promise<void> {
    await this.deps.sessions.delete(session.id);
  }

  /** Ends every session of the person, this one included. */
  async logoutEverywhere(session: SessionRecord, info: RequestInfo): Promise<number> {
    const ended = await this.deps.sessions.deleteForAccount(session.accountId);
    await this.deps.audit.record(
      { actor: { id: session.accountId, username: session.username }, action: "staff.logout_everywhere", target: { type: "staff_account", id: session.accountId }, requestId: info.requestId, details: { sessions: ended } },
      this.deps.now(),
    );
    return ended;
  }

  /**
   * The person changes their own password: the current one is checked (a walked-away-from
   * session is not enough), the must-change flag clears and every session ends, this one
   * replaced by a new one (a token seen before the change stops working).
   */
  async changeOwnPassword(session: SessionRecord, current: string, next: string, info: RequestInfo): Promise<{ token: string; session: SessionRecord }> {
    const { accounts, sessions, audit, hashing, addresses } = this.deps;
    const wait = addresses.retryAfter(info.address);
    if (wait !== undefined) throw new AppError("http.rate_limited", 429, { headers: { "Retry-After": String(wait) } });
    const account = await accounts.byId(session.accountId);
    if (!account) throw unauthorized("staff.session_expired");
    if (!(await verifyPassword(current, account.passwordHash))) {
      addresses.recordFailure(info.address);
      throw new AppError("staff.password_wrong", 400, { fields: [{ path: "currentPassword", code: "staff.password_wrong" }] });
    }
    if (current === next) throw new AppError("staff.password_reused", 400, { fields: [{ path: "newPassword", code: "staff.password_reused" }] });
    const now = this.deps.now();
    await accounts.setPassword(account.id, await hashPassword(next, hashing), false, now);
    await sessions.deleteForAccount(account.id);
    await audit.record({ actor: { id: account.id, username: account.username }, action: "staff.password_changed", target: { type: "staff_account", id: account.id }, requestId: info.requestId }, now);
    const token = newSessionToken();
    return { token, session: await this.open(account.id, token, now) };
  }
}
