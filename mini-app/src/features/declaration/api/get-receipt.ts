import { receiptLookupResponseSchema, type ReceiptLookupResponse } from "@khaibao/shared";
import type { ApiClient } from "../../../lib/api-client";

/** GET /api/receipts/:code: the receipt's live status (accepted, forwarded, revoked...). */
export async function getReceiptStatus(client: ApiClient, code: string, signal?: AbortSignal): Promise<ReceiptLookupResponse["receipt"]> {
  // Public (verifiers use it too): no token, one native call fewer.
  const { receipt } = await client.request(`/api/receipts/${encodeURIComponent(code)}`, receiptLookupResponseSchema, {
    auth: false,
    ...(signal ? { signal } : {}),
  });
  return receipt;
}
