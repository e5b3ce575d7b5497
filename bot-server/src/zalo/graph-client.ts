import axios, { type AxiosInstance } from "axios";
import { normalizePhone } from "@khaibao/shared";
import { appSecretProof } from "./appsecret-proof";
import { ZaloGraphError } from "./errors";
import { parseJsonKeepingBigIntegers } from "./safe-json";

/** Zalo's production Graph API; the composition root points elsewhere only for the local stand-in. */
export const ZALO_GRAPH_URL = "https://graph.zalo.me";

export interface ZaloUser {
  /** Zalo's user id for our app: a 64-bit number, always kept as its decimal string. */
  id: string;
  name: string | null;
}

/** Who a mini app user is, from the access token the mini app got with `getAccessToken()`. */
export interface ZaloGraph {
  /** Rejects with ZaloGraphError `token_invalid` or `unavailable`. */
  me(accessToken: string): Promise<ZaloUser>;
  /** The user's phone as E.164 (`+84...`), from the single-use `getPhoneNumber()` token. */
  phoneNumber(accessToken: string, code: string): Promise<string>;
}

export interface HttpZaloGraphOptions {
  baseUrl?: string;
  appSecret: string;
  timeoutMs?: number;
  /** Told when Zalo refuses our own credentials (bad app secret): an operator must act. */
  onMisconfigured?: (zaloCode: number) => void;
}

/**
 * Zalo codes that say "try later" rather than "this token is bad". Zalo's code list is thin and
 * partly unverified, so anything else counts as a refusal of the user's token.
 */
const TRANSIENT_CODES = new Set([-32 /* rate limit */, -500, -501 /* unknown exception */]);
/** Our appsecret_proof or secret_key was refused: not the user's fault, and not fixed by reopening the app. */
const OUR_CREDENTIALS_REFUSED = new Set([-242]);

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface GraphAnswer {
  error?: unknown;
  message?: unknown;
  id?: unknown;
  name?: unknown;
  data?: { number?: unknown } | null;
}

/**
 * The Graph API over HTTP. Zalo answers failures as HTTP 200 with `error != 0`, so every answer's
 * `error` field is checked; HTTP 5xx, timeouts and connection errors become `unavailable`.
 */
export function createHttpZaloGraph(opts: HttpZaloGraphOptions): ZaloGraph {
  const http: AxiosInstance = axios.create({
    baseURL: opts.baseUrl ?? ZALO_GRAPH_URL,
    timeout: opts.timeoutMs ?? 5_000,
    responseType: "text",
    // Parse ourselves: axios' JSON.parse would round 64-bit ids before we see them.
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    // Graph answers directly; without redirects axios also skips its redirect-following
    // transport, a measurable cost on every citizen's request.
    maxRedirects: 0,
  });

  async function call(path: string, headers: Record<string, string>, refusal: "token_invalid" | "phone_token_invalid"): Promise<GraphAnswer> {
    let status: number;
    let text: unknown;
    try {
      ({ status, data: text } = await http.get<string>(path, { headers }));
    } catch (cause) {
      throw new ZaloGraphError("unavailable", undefined, { cause });
    }
    if (status >= 500 || status === 429) throw new ZaloGraphError("unavailable");
    if (status === 401 || status === 403) throw new ZaloGraphError(refusal);
    let body: GraphAnswer;
    try {
      body = parseJsonKeepingBigIntegers(String(text)) as GraphAnswer;
    } catch (cause) {
      throw new ZaloGraphError("unavailable", undefined, { cause });
    }
    if (typeof body !== "object" || body === null) throw new ZaloGraphError("unavailable");
    const code = Number(body.error ?? 0);
    if (code !== 0 || status >= 400) {
      if (TRANSIENT_CODES.has(code) || !Number.isFinite(code)) throw new ZaloGraphError("unavailable", code);
      if (OUR_CREDENTIALS_REFUSED.has(code)) {
        opts.onMisconfigured?.(code);
        throw new ZaloGraphError("unavailable", code);
      }
      throw new ZaloGraphError(refusal, code);
    }
    return body;
  }

  return {
    async me(accessToken) {
      const body = await call(
        "/v2.0/me?fields=id,name",
        { access_token: accessToken, appsecret_proof: appSecretProof(opts.appSecret, accessToken) },
        "token_invalid",
      );
      // Unsafe integers already arrive as strings (safe-json); a small one may come as a number.
      const id = typeof body.id === "number" && Number.isSafeInteger(body.id) ? String(body.id) : body.id;
      // A success without a usable id is not something to guess around.
      if (typeof id !== "string" || !USER_ID.test(id)) throw new ZaloGraphError("unavailable");
      return { id, name: typeof body.name === "string" && body.name.trim() !== "" ? body.name : null };
    },

    async phoneNumber(accessToken, code) {
      const body = await call(
        "/v2.0/me/info",
        { access_token: accessToken, code, secret_key: opts.appSecret },
        "phone_token_invalid",
      );
      const raw = body.data?.number;
      const digits = typeof raw === "number" || typeof raw === "string" ? String(raw) : "";
      const phone = normalizePhone(digits);
      if (phone.ok) return phone.e164;
      // Zalo verified this number: a prefix newer than our carrier list is still a Vietnamese mobile.
      if (/^(84|0)\d{9}$/.test(digits)) return `+84${digits.slice(-9)}`;
      throw new ZaloGraphError("phone_token_invalid");
    },
  };
}
