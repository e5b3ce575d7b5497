import { isApiError } from "../../../lib/api-client";

/**
 * When to try a waiting declaration again, and which failures are worth trying again at all.
 * Besides this timer, the outbox tries at once when the network comes back, when the app comes
 * to the foreground and when it opens.
 */
export const RETRY_POLICY = {
  firstDelayMs: 3_000,
  factor: 2,
  /** A queue moves in minutes: never wait longer than this between tries. */
  maxDelayMs: 60_000,
  /** ± this fraction, so a crowd of phones that lost the network together do not retry in step. */
  jitter: 0.2,
} as const;

/** Delay before try number `attempts + 1`, after `attempts` failed ones (≥ 1). `random` in [0, 1). */
export function retryDelay(attempts: number, random: () => number, policy = RETRY_POLICY): number {
  const base = Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.factor ** Math.max(0, attempts - 1));
  const spread = base * policy.jitter * (random() * 2 - 1);
  return Math.round(Math.min(policy.maxDelayMs, Math.max(policy.firstDelayMs / 2, base + spread)));
}

/**
 * - `retry`: no answer, a timeout, the server or Zalo unavailable (5xx, 408, 429), or a session
 *   problem a fresh token may fix (401): keep it, try again.
 * - `invalid`: the server found mistakes in fields (400/422 with field errors): back to the form.
 * - `rejected`: any other refusal (unknown checkpoint, key conflict): back to the form, with the message.
 */
export type FailureKind = "retry" | "invalid" | "rejected";

export function classifyFailure(error: unknown): FailureKind {
  if (!isApiError(error)) return "retry";
  if (error.kind !== "http") return "retry";
  const status = error.status ?? 0;
  if (status >= 500 || status === 408 || status === 429 || status === 401) return "retry";
  if ((error.details.fields?.length ?? 0) > 0 || error.code === "http.validation_failed") return "invalid";
  if (status >= 400) return "rejected";
  return "retry";
}
