import { AppError } from "../http/errors";

/**
 * Why a Graph API call failed, as our API answers it:
 * - `token_invalid`: the mini app's access token is not (or no longer) a Zalo user's: 401, reopen the app;
 * - `phone_token_invalid`: the single-use `getPhoneNumber()` token was refused: 400, type the number;
 * - `unavailable`: Zalo could not be reached, answered 5xx, or refused our own credentials: 503.
 */
export type ZaloGraphErrorKind = "token_invalid" | "phone_token_invalid" | "unavailable";

const ANSWER: Record<ZaloGraphErrorKind, { code: string; status: number }> = {
  token_invalid: { code: "zalo.token_invalid", status: 401 },
  phone_token_invalid: { code: "zalo.phone_token_invalid", status: 400 },
  unavailable: { code: "zalo.unavailable", status: 503 },
};

export class ZaloGraphError extends AppError {
  constructor(
    readonly kind: ZaloGraphErrorKind,
    /** Zalo's `error` field when Zalo answered one; undefined for network failures. */
    readonly zaloCode?: number,
    opts: { cause?: unknown } = {},
  ) {
    super(ANSWER[kind].code, ANSWER[kind].status, {
      ...(kind === "unavailable" ? { headers: { "Retry-After": "5" } } : {}),
      ...(opts.cause === undefined ? {} : { cause: opts.cause }),
    });
    this.name = "ZaloGraphError";
  }
}
