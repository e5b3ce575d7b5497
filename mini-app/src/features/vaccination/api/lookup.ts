import {
  VACCINATION_LOOKUP_PATH,
  vaccinationLookupResponseSchema,
  type VaccinationLookupRequest,
  type VaccinationLookupResponse,
} from "@khaibao/shared";
import type { ApiClient } from "../../../lib/api-client";

/**
 * Asks our server to look the person up in the vaccination registry. Sent with the Zalo access
 * token, like a declaration: the server rate-limits per user. "Not found" and "wrong details" are
 * the same answer (`VACCINATION_NOT_FOUND`), so nobody can probe who is in the registry.
 */
export function lookupCertificate(client: ApiClient, request: VaccinationLookupRequest, signal?: AbortSignal): Promise<VaccinationLookupResponse> {
  return client.request(VACCINATION_LOOKUP_PATH, vaccinationLookupResponseSchema, { method: "POST", body: request, ...(signal ? { signal } : {}) });
}
