import axios, { type AxiosInstance } from "axios";
import { parseJsonKeepingBigIntegers } from "../safe-json";

/** Zalo's production OAuth server; the composition root points elsewhere only for the local stand-in. */
export const ZALO_OAUTH_URL = "https://oauth.zaloapp.com";
export const OAUTH_TOKEN_PATH = "/v4/oa/access_token";

/** A fresh pair. The refresh token it replaces is spent: Zalo accepts each one once. */
export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  /** Zalo sends `expires_in` as a string ("90000" = 25 h). */
  expiresInSeconds: number;
  refreshExpiresInSeconds: number | undefined;
}

/** Zalo's OAuth for the OA's tokens. */
export interface ZaloOAuth {
  refresh(refreshToken: string): Promise<OaTokenPair>;
  /** The first pair, from the code of the OA admin's consent (`code_verifier` with PKCE). */
  exchangeCode(code: string, codeVerifier?: string): Promise<OaTokenPair>;
}

/**
 * `refused`: Zalo answered with an error (a spent, expired or unknown refresh token, a wrong
 * app secret): retrying the same request cannot work and an operator must re-authorise the OA.
 * `unavailable`: no usable answer (network, timeout, 5xx); the refresh token may or may not be spent.
 */
export class ZaloOAuthError extends Error {
  constructor(
    readonly kind: "refused" | "unavailable",
    message: string,
    readonly zaloCode?: number,
    readonly errorName?: string,
    opts: { cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "ZaloOAuthError";
  }

  get permanent(): boolean {
    return this.kind === "refused";
  }
}

export interface HttpZaloOAuthOptions {
  baseUrl?: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
}

interface TokenAnswer {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  refresh_token_expires_in?: unknown;
  error?: unknown;
  error_name?: unknown;
  error_reason?: unknown;
  error_description?: unknown;
  message?: unknown;
}

const seconds = (v: unknown): number | undefined => {
  const n = typeof v === "string" ? Number(v.trim()) : typeof v === "number" ? v : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

/**
 * `POST /v4/oa/access_token`, form-encoded, with the app secret in the `secret_key` header.
 * Errors arrive as `error` / `error_name` / `error_reason`, sometimes with HTTP 200.
 */
export function createHttpZaloOAuth(opts: HttpZaloOAuthOptions): ZaloOAuth {
  const http: AxiosInstance = axios.create({
    baseURL: opts.baseUrl ?? ZALO_OAUTH_URL,
    timeout: opts.timeoutMs ?? 10_000,
    responseType: "text",
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
  });

  async function token(form: Record<string, string>): Promise<OaTokenPair> {
    let status: number;
    let text: unknown;
    try {
      ({ status, data: text } = await http.post<string>(OAUTH_TOKEN_PATH, new URLSearchParams({ app_id: opts.appId, ...form }).toString(), {
        headers: { "Content-Type": "application/x-www-form-urlencoded", secret_key: opts.appSecret },
      }));
    } catch (cause) {
      const code = (cause as { code?: unknown }).code;
      throw new ZaloOAuthError("unavailable", `token request failed: ${typeof code === "string" ? code : "network error"}`, undefined, undefined, { cause });
    }
    if (status >= 500 || status === 429 || status === 408) throw new ZaloOAuthError("unavailable", `token request: HTTP ${status}`);
    let answer: TokenAnswer;
    try {
      answer = parseJsonKeepingBigIntegers(String(text)) as TokenAnswer;
    } catch (cause) {
      throw new ZaloOAuthError("unavailable", `token request: HTTP ${status}, not JSON`, undefined, undefined, { cause });
    }
    if (typeof answer !== "object" || answer === null) throw new ZaloOAuthError("unavailable", "token request: not an object");
    const access = answer.access_token;
    const refresh = answer.refresh_token;
    const expires = seconds(answer.expires_in);
    if (typeof access === "string" && access !== "" && typeof refresh === "string" && refresh !== "" && expires !== undefined && status < 400) {
      return { accessToken: access, refreshToken: refresh, expiresInSeconds: expires, refreshExpiresInSeconds: seconds(answer.refresh_token_expires_in) };
    }
    const code = Number(answer.error);
    const name = typeof answer.error_name === "string" ? answer.error_name.slice(0, 100) : undefined;
    const reason = [answer.error_name, answer.error_reason, answer.error_description, answer.message].find((v) => typeof v === "string" && v !== "") as string | undefined;
    throw new ZaloOAuthError("refused", `Zalo refused the token request: ${(reason ?? `HTTP ${status}`).slice(0, 200)}`, Number.isInteger(code) ? code : undefined, name);
  }

  return {
    refresh: (refreshToken) => token({ grant_type: "refresh_token", refresh_token: refreshToken }),
    exchangeCode: (code, codeVerifier) => token({ grant_type: "authorization_code", code, ...(codeVerifier ? { code_verifier: codeVerifier } : {}) }),
  };
}
