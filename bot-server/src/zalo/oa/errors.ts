/**
 * How a failed OA API call is handled, by Zalo's `error` code (failures arrive as HTTP 200):
 * - `token_invalid` (-216, -220): refresh the access token once and retry once;
 * - `rate_limited` (-32): back off, the send waits;
 * - `undeliverable` (-230 not interacted for 7 days, -213 not following, -232, -227, -244):
 *   the user cannot be reached now; never retried, reported to staff;
 * - `quota_exceeded` (-211, -218): retried later, slowly;
 * - `misconfigured` (-242 bad appsecret_proof, -240 retired v2 API, -124): an operator must act;
 * - `invalid_request` (other codes): our request is wrong; retrying will not help;
 * - `unavailable`: no answer, HTTP 5xx, garbage: retried with backoff.
 */
export type OaErrorKind = "token_invalid" | "rate_limited" | "undeliverable" | "quota_exceeded" | "misconfigured" | "invalid_request" | "unavailable";

const KIND_OF_CODE = new Map<number, OaErrorKind>([
  [-216, "token_invalid"],
  [-220, "token_invalid"],
  [-32, "rate_limited"],
  [-230, "undeliverable"],
  [-213, "undeliverable"],
  [-232, "undeliverable"],
  [-227, "undeliverable"],
  [-244, "undeliverable"],
  [-211, "quota_exceeded"],
  [-218, "quota_exceeded"],
  [-242, "misconfigured"],
  [-240, "misconfigured"],
  [-124, "misconfigured"],
]);

export function oaErrorKindOf(code: number): OaErrorKind {
  return KIND_OF_CODE.get(code) ?? "invalid_request";
}

/** A failed OA API call; `zaloCode` is Zalo's `error` when it answered one. Messages are Zalo's words, no personal data. */
export class ZaloOaError extends Error {
  constructor(
    readonly kind: OaErrorKind,
    message: string,
    readonly zaloCode?: number,
    opts: { cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "ZaloOaError";
  }

  /** Worth trying again later (the outbound queue retries these with backoff). */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "unavailable" || this.kind === "quota_exceeded" || this.kind === "token_invalid" || this.kind === "misconfigured";
  }
}
