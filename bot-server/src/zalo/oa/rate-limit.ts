import { backoffMs, type BackoffPolicy } from "../queue/backoff";

/**
 * Client-side limit on OA API calls. Zalo allows 4,000 requests a minute per app (all instances
 * together) and answers -32 beyond; this keeps one instance under its share, and when Zalo says
 * -32 anyway (or `X-RateLimit-Remain: 0`), every call of this instance pauses with growing
 * backoff until a call succeeds again.
 */
export interface OaRateLimiter {
  /** Waits for a slot; immediate while the bucket has tokens and nothing is paused. */
  take(): Promise<void>;
  /** Zalo rate-limited us: pause all calls (longer each time in a row). Returns the pause. */
  rateLimited(): number;
  /** A call went through: the next -32 starts the backoff again from its base. */
  succeeded(): void;
}

export interface TokenBucketOptions {
  perMinute: number;
  /** Calls allowed at once after a quiet period (default perMinute / 60, at least 1). */
  burst?: number;
  backoff?: BackoffPolicy;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createTokenBucket(opts: TokenBucketOptions): OaRateLimiter {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? realSleep;
  const perMs = opts.perMinute / 60_000;
  const capacity = Math.max(1, opts.burst ?? Math.floor(opts.perMinute / 60));
  const policy = opts.backoff ?? { baseMs: 1_000, maxMs: 60_000, floorMs: 500 };
  let tokens = capacity;
  let updatedAt = now();
  let pausedUntil = 0;
  let consecutive = 0;

  function refill(t: number): void {
    tokens = Math.min(capacity, tokens + (t - updatedAt) * perMs);
    updatedAt = t;
  }

  return {
    async take() {
      for (;;) {
        const t = now();
        if (pausedUntil > t) {
          await sleep(pausedUntil - t);
          continue;
        }
        refill(t);
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await sleep(Math.max(1, Math.ceil((1 - tokens) / perMs)));
      }
    },
    rateLimited() {
      consecutive++;
      const pause = backoffMs(consecutive, policy, opts.random);
      pausedUntil = Math.max(pausedUntil, now() + pause);
      tokens = 0;
      return pause;
    },
    succeeded() {
      consecutive = 0;
    },
  };
}

/** No limit (tests that are not about rate limits). */
export const unlimited: OaRateLimiter = { take: async () => {}, rateLimited: () => 0, succeeded: () => {} };
