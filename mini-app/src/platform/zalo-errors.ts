import { PlatformError, type PlatformErrorCode } from "./types";

/**
 * zmp-sdk rejects with plain objects `{code, message, api, detail}`, not Error instances, so
 * `instanceof` tells nothing: branch on the numeric code. Kept apart from `zalo.ts` so it can
 * be tested without loading the SDK (which needs a browser `window`).
 */
const CODES: Readonly<Record<number, PlatformErrorCode>> = {
  [-1404]: "not_supported",
  [-1401]: "unauthorized",
  [-1408]: "timeout",
  [-1409]: "rate_limited",
  [-2002]: "denied",
  [-201]: "denied",
  [-2003]: "cancelled",
};

export function toPlatformError(error: unknown, api: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const record = typeof error === "object" && error !== null ? (error as Record<string, unknown>) : {};
  const sdkCode = typeof record["code"] === "number" ? record["code"] : undefined;
  const sdkMessage = typeof record["message"] === "string" && record["message"] !== "" ? record["message"] : undefined;
  const message = `${api} failed${sdkCode === undefined ? "" : ` (${sdkCode})`}${sdkMessage ? `: ${sdkMessage}` : error instanceof Error ? `: ${error.message}` : ""}`;
  return new PlatformError((sdkCode !== undefined ? CODES[sdkCode] : undefined) ?? "failed", message, sdkCode);
}
