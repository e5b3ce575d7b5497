import { receiptLookupResponseSchema, type ReceiptLookupResponse } from "@khaibao/shared";
import { ApiError, request } from "../../lib/api";

/** The receipt's live status from the server, when there is a connection. */
export type LiveStatus =
  | { state: "loading" }
  | { state: "found"; receipt: ReceiptLookupResponse["receipt"] }
  | { state: "not-found" }
  | { state: "offline" }
  | { state: "rate-limited" }
  | { state: "error"; error: ApiError };

export async function lookupReceipt(code: string, signal?: AbortSignal): Promise<LiveStatus> {
  if (!navigator.onLine) return { state: "offline" };
  try {
    const body = await request(`/api/receipts/${encodeURIComponent(code)}`, { schema: receiptLookupResponseSchema, ...(signal ? { signal } : {}) });
    return { state: "found", receipt: body.receipt };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // 404: no such receipt, or (on a server without the lookup yet) no such route.
    if (error.status === 404) return { state: "not-found" };
    if (error.status === 0) return { state: "offline" };
    if (error.status === 429) return { state: "rate-limited" };
    return { state: "error", error };
  }
}
