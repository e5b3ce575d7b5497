import type { AccessTokenSource } from "../oa/client";
import { ZaloOAuthError, type ZaloOAuth } from "./client";
import { REFUSED_PREFIX, type StoredTokens, type TokenStore } from "./token-store";

/** Structural subset of pino's Logger. */
export interface TokenLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export interface TokenManagerOptions {
  store: TokenStore;
  oauth: ZaloOAuth;
  oaId: string;
  /** This instance's name in the lease (`host:pid:random`). */
  owner: string;
  now?: () => Date;
  /**
   * Refresh once less than this is left of the access token's life (default 12 h of its 25 h):
   * a refresh failing for hours still leaves a working token.
   */
  refreshBeforeMs?: number;
  /** The refresh lease; must outlast the OAuth client's timeout (default 30 s). */
  lockMs?: number;
  /** How often an instance waiting for another's refresh looks again (default 200 ms). */
  waitPollMs?: number;
  /** How often the background check runs (default 10 min). */
  checkEveryMs?: number;
  sleep?: (ms: number) => Promise<void>;
  logger?: TokenLogger;
  onRefresh?: (outcome: "ok" | "refused" | "unavailable") => void;
}

/** No token pair stored and none configured: the OA was never authorised for this app. */
export class NoOaTokenError extends Error {
  readonly permanent = true;
  constructor(oaId: string) {
    super(`no OA token pair stored for OA ${oaId}: set ZALO_OA_REFRESH_TOKEN`);
    this.name = "NoOaTokenError";
  }
}

/** A token still this far from expiry is used as is while someone else refreshes. */
const USABLE_MARGIN_MS = 60_000;
const silent: TokenLogger = { info() {}, warn() {}, error() {} };
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface TokenManager extends AccessTokenSource {
  /** Refreshes now unless the stored token is already fresh; `force` refreshes regardless. */
  refresh(opts?: { force?: boolean }): Promise<string>;
  /** Background check that refreshes before expiry even when nothing is sent. */
  start(): void;
  stop(): void;
}

/**
 * The OA's access token for every caller of this process. Refreshing spends the single-use
 * refresh token, so it is single-flight twice over: concurrent callers in this process share one
 * refresh (one promise), and instances share a lease on the database row that outlasts the HTTP
 * timeout; an instance that finds the lease taken waits for the new pair instead of refreshing.
 * The new pair is written before it is used, so a crash right after a refresh loses nothing.
 */
export function createTokenManager(opts: TokenManagerOptions): TokenManager {
  const now = opts.now ?? (() => new Date());
  const refreshBeforeMs = opts.refreshBeforeMs ?? 12 * 3_600_000;
  const lockMs = opts.lockMs ?? 30_000;
  const waitPollMs = opts.waitPollMs ?? 200;
  const sleep = opts.sleep ?? realSleep;
  const logger = opts.logger ?? silent;
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const fresh = (expiresAt: number, t: number) => expiresAt - t > refreshBeforeMs;
  const usable = (expiresAt: number, t: number) => expiresAt - t > USABLE_MARGIN_MS;

  function remember(row: { token: string; expiresAt: number }): string {
    cached = row;
    return row.token;
  }

  /** What the stored row lets us use without refreshing, if anything. */
  function usableFrom(row: StoredTokens, t: number, rejected: string | undefined, force: boolean): string | undefined {
    const token = row.accessToken;
    if (!token || token === rejected) return undefined;
    if (rejected !== undefined && usable(row.accessExpiresAt, t)) return token; // someone already refreshed
    if (!force && fresh(row.accessExpiresAt, t)) return token;
    // Another instance is refreshing right now: the current token still works meanwhile.
    if (!force && row.lockOwner !== null && row.lockOwner !== opts.owner && (row.lockUntil ?? 0) > t && usable(row.accessExpiresAt, t)) return token;
    return undefined;
  }

  async function obtain(rejected: string | undefined, force: boolean): Promise<string> {
    const deadline = now().getTime() + lockMs + 5_000;
    let forced = force;
    for (;;) {
      const row = await opts.store.read(opts.oaId);
      if (!row) throw new NoOaTokenError(opts.oaId);
      const t = now().getTime();
      const use = usableFrom(row, t, rejected, forced);
      if (use) return remember({ token: use, expiresAt: row.accessExpiresAt });
      if (row.lastError?.startsWith(REFUSED_PREFIX)) {
        throw new ZaloOAuthError("refused", `the stored refresh token was refused earlier (${row.lastError.slice(REFUSED_PREFIX.length)}); re-authorise the OA`);
      }
      if (await opts.store.tryLock(opts.oaId, opts.owner, new Date(t + lockMs), new Date(t))) {
        return refreshUnderLock(row, rejected, forced);
      }
      // Another instance holds the lease. A forced refresh of ours is satisfied by theirs.
      forced = false;
      if (now().getTime() > deadline) throw new ZaloOAuthError("unavailable", "timed out waiting for another instance's token refresh");
      await sleep(waitPollMs);
    }
  }

  async function refreshUnderLock(before: StoredTokens, rejected: string | undefined, force: boolean): Promise<string> {
    let row: StoredTokens | undefined;
    try {
      // Re-read under the lease: another instance may have refreshed between our read and our lock.
      row = await opts.store.read(opts.oaId);
      if (!row) throw new NoOaTokenError(opts.oaId);
      const t = now().getTime();
      const changedMeanwhile = row.version !== before.version;
      const use = usableFrom(row, t, rejected, force && !changedMeanwhile);
      if (use) {
        await opts.store.releaseLock(opts.oaId, opts.owner, null, now());
        return remember({ token: use, expiresAt: row.accessExpiresAt });
      }
      const pair = await opts.oauth.refresh(row.refreshToken);
      const at = now();
      if (!(await opts.store.save(opts.oaId, row.version, pair, at))) {
        // Only an operator re-seeding mid-refresh gets here; their token wins, ours is dropped.
        logger.error({ oaId: opts.oaId }, "OA token row changed during a refresh; the new pair was not stored");
        throw new ZaloOAuthError("unavailable", "token row changed during refresh");
      }
      opts.onRefresh?.("ok");
      logger.info({ oaId: opts.oaId, expiresInSeconds: pair.expiresInSeconds }, "OA access token refreshed");
      return remember({ token: pair.accessToken, expiresAt: at.getTime() + pair.expiresInSeconds * 1000 });
    } catch (error) {
      const refused = error instanceof ZaloOAuthError && error.permanent;
      const message = (error as Error).message.slice(0, 300);
      await opts.store.releaseLock(opts.oaId, opts.owner, refused ? `${REFUSED_PREFIX}${message}` : message, now()).catch(() => undefined);
      if (error instanceof ZaloOAuthError) {
        opts.onRefresh?.(refused ? "refused" : "unavailable");
        if (refused) logger.error({ oaId: opts.oaId, zaloCode: error.zaloCode, errorName: error.errorName }, "Zalo refused the OA refresh token: re-authorise the OA and set ZALO_OA_REFRESH_TOKEN");
        else logger.warn({ oaId: opts.oaId, error: message }, "OA token refresh failed; will retry (the refresh token may have been spent if Zalo processed it)");
      }
      throw error;
    }
  }

  function singleFlight(rejected: string | undefined, force: boolean): Promise<string> {
    pending ??= obtain(rejected, force).finally(() => {
      pending = undefined;
    });
    return pending;
  }

  const manager: TokenManager = {
    async accessToken() {
      const t = now().getTime();
      if (cached && fresh(cached.expiresAt, t)) return cached.token;
      return singleFlight(undefined, false);
    },
    async refreshAfterRejection(rejected) {
      if (cached?.token === rejected) cached = undefined;
      if (cached && usable(cached.expiresAt, now().getTime())) return cached.token;
      // A refresh already running gives a token other than the rejected one (or fails).
      if (pending) {
        const token = await pending;
        if (token !== rejected) return token;
      }
      return singleFlight(rejected, false);
    },
    refresh(refreshOpts = {}) {
      if (refreshOpts.force) cached = undefined;
      return singleFlight(undefined, refreshOpts.force === true);
    },
    start() {
      if (timer) return;
      const every = opts.checkEveryMs ?? 10 * 60_000;
      timer = setInterval(() => {
        manager.accessToken().catch((error: unknown) => logger.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, "background OA token check failed"));
      }, every);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
  return manager;
}
