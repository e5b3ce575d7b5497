import { createHash } from "node:crypto";
import type { ZaloGraph, ZaloUser } from "./graph-client";

export interface MeCacheOptions {
  /** How long a successful lookup is trusted (default 5 minutes). */
  ttlMs?: number;
  /** Most tokens remembered; the least recently used is dropped first (default 10,000). */
  max?: number;
  now?: () => number;
}

/**
 * Remembers successful `me` lookups briefly, so a burst of requests from one mini app (submit,
 * retry, receipt, phone) costs Zalo one call. Keys are SHA-256 hashes of the tokens: the cache
 * never holds a usable token. Concurrent lookups of one token share a single call. Failures are
 * not cached. A token Zalo revokes stays accepted here for at most `ttlMs`.
 */
export function withMeCache(inner: ZaloGraph, opts: MeCacheOptions = {}): ZaloGraph {
  const ttlMs = opts.ttlMs ?? 5 * 60_000;
  const max = opts.max ?? 10_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { user: ZaloUser; expiresAt: number }>();
  const inFlight = new Map<string, Promise<ZaloUser>>();

  function remember(key: string, user: ZaloUser): void {
    entries.delete(key);
    entries.set(key, { user, expiresAt: now() + ttlMs });
    while (entries.size > max) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  }

  return {
    me(accessToken) {
      const key = createHash("sha256").update(accessToken, "utf8").digest("hex");
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now()) {
        // Refresh recency: Map order makes the first key the least recently used.
        entries.delete(key);
        entries.set(key, hit);
        return Promise.resolve(hit.user);
      }
      if (hit) entries.delete(key);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = inner.me(accessToken).then(
          (user) => {
            inFlight.delete(key);
            remember(key, user);
            return user;
          },
          (error: unknown) => {
            inFlight.delete(key);
            throw error;
          },
        );
        inFlight.set(key, pending);
      }
      return pending;
    },
    phoneNumber: (accessToken, code) => inner.phoneNumber(accessToken, code),
  };
}
