import { phoneExchangeResponseSchema } from "@khaibao/shared";
import type { ApiClient } from "../../../lib/api-client";

/**
 * POST /api/me/phone: the single-use token from Zalo's `getPhoneNumber()` is exchanged by our
 * server (it holds the app secret), which answers the number as `+84...`.
 */
export async function exchangePhoneToken(client: ApiClient, token: string): Promise<string> {
  const { phone } = await client.request("/api/me/phone", phoneExchangeResponseSchema, { method: "POST", body: { token } });
  return phone;
}
