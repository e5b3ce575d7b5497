import { trustListSchema, VACCINATION_TRUST_LIST_PATH, type TrustList } from "@khaibao/shared";
import type { ApiClient } from "../../../lib/api-client";

/** The signer certificates our server trusts; public, so no access token (one native call saved). */
export function fetchTrustList(client: ApiClient, signal?: AbortSignal): Promise<TrustList> {
  return client.request(VACCINATION_TRUST_LIST_PATH, trustListSchema, { auth: false, ...(signal ? { signal } : {}) });
}
