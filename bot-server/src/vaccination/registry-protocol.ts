import { z } from "zod";

/**
 * The vaccination registry's HTTP protocol, spoken by our client (./registry-http.ts) and the
 * local stand-in (../standins/vaccination-registry):
 *
 *   POST {VACCINATION_REGISTRY_URL}/v1/certificates/search
 *   Authorization: Bearer {VACCINATION_REGISTRY_TOKEN}      (when configured)
 *   Content-Type: application/json
 *   {"idNumber":"001090012345","fullName":"Nguyễn Văn An","dateOfBirth":"1990-05-12","phone":"+84912345678"}
 *
 *   200 {"hc1":"HC1:..."}          the person's current certificate (signed, EU DCC format)
 *   404 {"reason":"not_found"}     no person with exactly these details (a wrong name or date of
 *                                  birth for a known ID number answers the same)
 *   400 {"reason":"invalid_request"}, 401 {"reason":"unauthorized"}, 5xx: the registry's fault
 *
 * `idNumber` is upper case without spaces; `fullName` NFC with single spaces (the registry
 * compares names without case or diacritics); `phone` E.164 and only sent when the citizen gave it.
 */
export const REGISTRY_SEARCH_PATH = "/v1/certificates/search";

export const registrySearchRequestSchema = z.object({
  idNumber: z.string().min(1).max(20),
  fullName: z.string().min(1).max(100),
  dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  phone: z.string().max(20).optional(),
});
export type RegistrySearchRequest = z.infer<typeof registrySearchRequestSchema>;

export const registryFoundSchema = z.object({ hc1: z.string().startsWith("HC1:").max(8192) });
