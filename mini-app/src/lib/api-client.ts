import type { z } from "zod";
import { errorBodySchema, type FieldError, type Lang } from "@khaibao/shared";

/**
 * The one way the app talks to our server. Every request says which language the answer should
 * be in and who the user is; every answer is checked against the shared schema the server
 * answers with, so a mismatch shows up as an error here rather than as `undefined` on screen.
 */

/** Header our server reads the Zalo access token from. */
export const ACCESS_TOKEN_HEADER = "X-Zalo-Access-Token";

/**
 * - `network`: no answer at all (offline, DNS, timeout, CORS).
 * - `http`: the server answered with an error; `code` is its stable code (`checkpoint.not_found`).
 * - `invalid_response`: a success status whose body is not what the schema says.
 */
export type ApiErrorKind = "network" | "http" | "invalid_response";

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly kind: ApiErrorKind,
    readonly code: string,
    message: string,
    readonly details: {
      status?: number;
      /** The server's own texts, when it sent our error body. */
      messages?: { vi: string; en: string };
      fields?: FieldError[];
      requestId?: string;
    } = {},
  ) {
    super(message);
  }

  get status(): number | undefined {
    return this.details.status;
  }

  /** The server's text in `lang`, when the server sent one. */
  messageIn(lang: Lang): string | undefined {
    return this.details.messages?.[lang];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiClientOptions {
  /** Absolute origin, e.g. `https://khaibao.example.vn` or the page's own origin. */
  baseUrl: string;
  getLanguage: () => Lang;
  /** Resolves to null when the user has no token (the header is then left out). */
  getAccessToken: () => Promise<string | null>;
  fetch?: typeof fetch;
  /** Gives up on a request after this long (default 15 s; Zalo users are often on 3G). */
  timeoutMs?: number;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Send the user's access token (default true). Public reads skip it to save a native call. */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface ApiClient {
  request<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
}

function fallbackCode(status: number): string {
  if (status === 401) return "http.unauthorized";
  if (status === 403) return "http.forbidden";
  if (status === 404) return "http.not_found";
  if (status === 413) return "http.payload_too_large";
  if (status === 429) return "http.rate_limited";
  if (status === 502 || status === 503 || status === 504) return "http.unavailable";
  return "http.internal";
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Combines the caller's signal with our timeout, without AbortSignal.any (Safari < 17.4). */
function withTimeout(signal: AbortSignal | undefined, timeoutMs: number): { signal: AbortSignal; timedOut: () => boolean; done: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener("abort", onAbort);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    },
  };
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 15_000;

  return {
    async request(path, schema, { method = "GET", body, auth = true, signal } = {}) {
      const lang = options.getLanguage();
      const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": lang };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      if (auth) {
        const token = await options.getAccessToken();
        if (token) headers[ACCESS_TOKEN_HEADER] = token;
      }

      // The caller may have given up while we were fetching the token.
      if (signal?.aborted) throw signal.reason ?? new DOMException("Aborted", "AbortError");
      const url = new URL(path, options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`).toString();
      const timing = withTimeout(signal, timeoutMs);
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method,
          headers,
          signal: timing.signal,
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
      } catch (error) {
        // The caller gave up (screen left): let that abort through untouched.
        if (signal?.aborted) throw error;
        const code = timing.timedOut() ? "network.timeout" : "network.unreachable";
        throw new ApiError("network", code, `${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        timing.done();
      }

      const json = await readJson(response).catch(() => undefined);
      if (!response.ok) {
        const parsed = errorBodySchema.safeParse(json);
        if (parsed.success) {
          const { code, message, messages, fields, requestId } = parsed.data.error;
          throw new ApiError("http", code, message, {
            status: response.status,
            messages,
            ...(fields ? { fields } : {}),
            ...(requestId ? { requestId } : {}),
          });
        }
        throw new ApiError("http", fallbackCode(response.status), `${method} ${path}: HTTP ${response.status}`, {
          status: response.status,
        });
      }

      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const where = parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
          .join("; ");
        throw new ApiError("invalid_response", "http.invalid_response", `${method} ${path}: unexpected answer (${where})`, {
          status: response.status,
        });
      }
      return parsed.data;
    },
  };
}
