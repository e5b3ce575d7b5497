import type { MessageKey } from "../../lib/i18n";

/** A readable sentence for the backend's reason or our client's failure, and its parameters. */
export interface ReadableReason {
  key: MessageKey;
  params?: Record<string, string>;
}

const KNOWN: Record<string, MessageKey> = {
  rejected_by_rule: "forwarding.reason.rejected_by_rule",
  invalid_declaration: "forwarding.reason.invalid_declaration",
  "declaration row missing": "forwarding.reason.row_missing",
};

const TIMEOUTS = new Set(["ECONNABORTED", "ETIMEDOUT"]);

/**
 * The stored reason is the backend's code (`rejected_by_rule`, `http_422`) or the HTTP client's
 * failure (`backend answered HTTP 503`, `request failed: ECONNREFUSED`); staff read a sentence,
 * with the code beside it to quote when they call the backend's operators. Unknown: undefined.
 */
export function readableReason(raw: string): ReadableReason | undefined {
  const known = KNOWN[raw];
  if (known) return { key: known };
  const refused = /^http_(\d{3})$/.exec(raw);
  if (refused?.[1]) return { key: "forwarding.reason.http_refused", params: { status: refused[1] } };
  const answered = /^backend answered HTTP (\d{3})$/.exec(raw);
  if (answered?.[1]) return { key: "forwarding.reason.backend_error", params: { status: answered[1] } };
  const failed = /^request failed: (.+)$/.exec(raw);
  if (failed?.[1]) return TIMEOUTS.has(failed[1]) ? { key: "forwarding.reason.timeout" } : { key: "forwarding.reason.unreachable" };
  return undefined;
}
