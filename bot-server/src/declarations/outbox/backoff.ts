export interface BackoffPolicy {
  /** Delay cap of the first retry. */
  baseMs: number;
  /** No delay is ever longer than this. */
  maxMs: number;
}

/**
 * Exponential backoff with full jitter: after the n-th failed attempt, wait a uniformly random
 * time in [0, min(max, base * 2^(n-1))). Jitter spreads a backlog that failed together (a
 * backend outage) so it does not return as one thundering herd. `random` is injectable for tests.
 */
export function backoffDelayMs(failedAttempts: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failedAttempts, 1) - 1, 40);
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.floor(random() * cap);
}
