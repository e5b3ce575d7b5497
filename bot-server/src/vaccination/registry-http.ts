import axios from "axios";
import type { VaccinationLookupRequest } from "@khaibao/shared";
import { RegistryUnavailableError, type VaccinationRegistry } from "./registry";
import { REGISTRY_SEARCH_PATH, registryFoundSchema, type RegistrySearchRequest } from "./registry-protocol";

/** The registry over HTTP (protocol in ./registry-protocol.ts). Only 200 and 404 are answers. */
export function createHttpVaccinationRegistry(opts: { baseUrl: string; token?: string | undefined; timeoutMs?: number }): VaccinationRegistry {
  const http = axios.create({
    baseURL: opts.baseUrl,
    timeout: opts.timeoutMs ?? 10_000,
    validateStatus: () => true,
    // A redirect would send personal details somewhere we did not configure.
    maxRedirects: 0,
    headers: opts.token ? { Authorization: `Bearer ${opts.token}` } : {},
  });
  return {
    async find(query: VaccinationLookupRequest) {
      const body: RegistrySearchRequest = {
        idNumber: query.idNumber,
        fullName: query.fullName,
        dateOfBirth: query.dateOfBirth,
        ...(query.phone ? { phone: query.phone } : {}),
      };
      let status: number;
      let data: unknown;
      try {
        ({ status, data } = await http.post(REGISTRY_SEARCH_PATH, body));
      } catch (cause) {
        const code = (cause as { code?: unknown }).code;
        throw new RegistryUnavailableError(`registry request failed: ${typeof code === "string" ? code : "network error"}`, { cause });
      }
      if (status === 404) return { found: false };
      if (status !== 200) throw new RegistryUnavailableError(`registry answered HTTP ${status}`);
      const parsed = registryFoundSchema.safeParse(data);
      if (!parsed.success) throw new RegistryUnavailableError("registry answered 200 without an HC1 certificate");
      return { found: true, hc1: parsed.data.hc1 };
    },
  };
}
