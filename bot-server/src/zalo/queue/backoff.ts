/**
 * Exponential backoff with full jitter: after the n-th failed attempt wait a uniformly random
 * time in [0, min(maxMs, baseMs * 2^(n-1))), at least `floorMs`. Jitter spreads a backlog that
 * failed together (Zalo down, a rate limit) so it does not come back as one burst.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  floorMs?: number;
}

export function backoffMs(failedAttempts: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failedAttempts, 1) - 1, 40);
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.max(policy.floorMs ?? 0, Math.floor(random() * cap));
}
