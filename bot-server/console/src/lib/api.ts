import { errorBodySchema, STAFF_CSRF_HEADER, type FieldError, type Lang } from "@khaibao/shared";
import type { z } from "zod";

/** An answer that is not 2xx, with the server's coded error body (or `network` when none came). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: { vi: string; en: string } | undefined,
    readonly fields: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = "ApiError";
  }

  /** The server's text in the language, or undefined (the caller then uses its own). */
  text(lang: Lang): string | undefined {
    return this.messages?.[lang];
  }

  field(path: string): FieldError | undefined {
    return this.fields.find((f) => f.path === path);
  }
}

let csrfToken: string | undefined;

/** Set from every session answer; sent in `X-CSRF-Token` on each state-changing call. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Staff API calls that find the session gone tell the app (which shows the login again). */
export const SESSION_ENDED_EVENT = "khaibao:session-ended";

export interface RequestOptions<S extends z.ZodType | undefined> {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  /** Validates a 2xx JSON answer; omit for 204. */
  schema?: S;
  signal?: AbortSignal;
}

/**
 * One fetch to our own origin. The session cookie goes along by itself (same origin); the CSRF
 * token is added for anything but GET. Answers are validated with the shared schema, so a
 * mismatch between server and console shows as an error rather than as a broken screen.
 */
export async function request<S extends z.ZodType | undefined = undefined>(
  path: string,
  opts: RequestOptions<S> = {},
): Promise<S extends z.ZodType ? z.output<S> : undefined> {
  const method = opts.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers[STAFF_CSRF_HEADER] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      cache: "no-store",
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network", undefined);
  }
  if (!res.ok) {
    const body = errorBodySchema.safeParse(await res.json().catch(() => null));
    const retry = Number(res.headers.get("retry-after"));
    const error = body.success
      ? new ApiError(res.status, body.data.error.code, body.data.error.messages, body.data.error.fields ?? [], Number.isFinite(retry) ? retry : undefined)
      : new ApiError(res.status, `http.${res.status}`, undefined);
    // The session check and the login handle their own 401s.
    if (res.status === 401 && path.startsWith("/api/staff/") && path !== "/api/staff/login" && path !== "/api/staff/session") {
      window.dispatchEvent(new CustomEvent(SESSION_ENDED_EVENT, { detail: error.code }));
    }
    throw error;
  }
  if (!opts.schema) return undefined as never;
  const parsed = opts.schema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new ApiError(res.status, "http.unexpected_answer", undefined);
  return parsed.data as never;
}
