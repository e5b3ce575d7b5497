import { AppError } from "../http/errors";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Per-key request budget. Async so that a shared implementation (PostgreSQL, Redis) can replace
 * the in-memory one when several instances serve the API: with N instances behind a balancer,
 * an in-memory limit lets a client through N times as often.
 */
export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
  /** Gives back a token taken for a request that turned out not to count (a replay). */
  refund(key: string): Promise<void>;
}

export interface TokenBucketOptions {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Tokens added per minute (the sustained rate). */
  perMinute: number;
  /** Keys remembered; the least recently seen is forgotten first (it comes back with a full bucket). */
  maxKeys?: number;
  now?: () => number;
}

/** A token bucket per key, in memory: for one instance. */
export function createTokenBucketLimiter(opts: TokenBucketOptions): RateLimiter {
  const maxKeys = opts.maxKeys ?? 100_000;
  const now = opts.now ?? Date.now;
  const perMs = opts.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key) {
      const t = now();
      const previous = buckets.get(key);
      const tokens = previous ? Math.min(opts.capacity, previous.tokens + (t - previous.at) * perMs) : opts.capacity;
      buckets.delete(key); // re-inserted below: Map order is recency order
      if (tokens < 1) {
        buckets.set(key, { tokens, at: t });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: t });
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      return { allowed: true };
    },
    async refund(key) {
      const bucket = buckets.get(key);
      if (bucket) bucket.tokens = Math.min(opts.capacity, bucket.tokens + 1);
    },
  };
}

/** 429 `http.rate_limited` with `Retry-After`. */
export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError("http.rate_limited", 429, { headers: { "Retry-After": String(retryAfterSeconds) } });
}

/** Takes one token or throws 429 `http.rate_limited` with `Retry-After`. */
export async function enforceRateLimit(limiter: RateLimiter, key: string): Promise<void> {
  const decision = await limiter.take(key);
  if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
}
