import axios, { type AxiosInstance } from "axios";
import { BackendUnavailableError, type BackendDeclaration, type BackendVerdict, type DeclarationBackend } from "./backend";

export interface HttpDeclarationBackendOptions {
  baseUrl: string;
  token?: string | undefined;
  timeoutMs?: number;
}

/**
 * Statuses that say nothing about the declaration itself: our credentials or URL are wrong, or
 * the backend wants us to slow down. Retried like a 5xx instead of rejecting every declaration.
 */
const RETRYABLE_4XX = new Set([401, 403, 404, 408, 409, 425, 429]);
const MAX_REASON_LENGTH = 200;

/**
 * The declaration backend over HTTP: `POST /v1/declarations` with the JSON record, bearer token
 * and `Idempotency-Key` = our declaration id (or a staff resend's key). 201 created / 200
 * duplicate → ok; another 4xx → rejected with the backend's `reason`; 5xx, timeouts and
 * connection errors → retry.
 */
export function createHttpDeclarationBackend(opts: HttpDeclarationBackendOptions): DeclarationBackend {
  const http: AxiosInstance = axios.create({
    baseURL: opts.baseUrl,
    timeout: opts.timeoutMs ?? 10_000,
    validateStatus: () => true,
    // A redirect would replay the POST somewhere we did not configure.
    maxRedirects: 0,
    headers: opts.token ? { Authorization: `Bearer ${opts.token}` } : {},
  });
  return {
    async submit(record: BackendDeclaration, idempotencyKey = record.declarationId): Promise<BackendVerdict> {
      let status: number;
      let data: unknown;
      try {
        ({ status, data } = await http.post("/v1/declarations", record, { headers: { "Idempotency-Key": idempotencyKey } }));
      } catch (cause) {
        const code = (cause as { code?: unknown }).code;
        throw new BackendUnavailableError(`request failed: ${typeof code === "string" ? code : "network error"}`, { cause });
      }
      if (status === 200 || status === 201) return { ok: true, duplicate: status === 200 };
      if (status >= 400 && status < 500 && !RETRYABLE_4XX.has(status)) return { rejected: reasonOf(data, status) };
      throw new BackendUnavailableError(`backend answered HTTP ${status}`);
    },
  };
}

/** The backend's own words, bounded; it is an external system's text, stored and shown to staff. */
function reasonOf(data: unknown, status: number): string {
  const reason = typeof data === "object" && data !== null ? (data as { reason?: unknown }).reason : undefined;
  const text = typeof reason === "string" && reason.trim() !== "" ? reason.trim() : `http_${status}`;
  return text.slice(0, MAX_REASON_LENGTH);
}
