import type { VaccinationLookupRequest } from "@khaibao/shared";

/**
 * The vaccination registry: who was vaccinated, and their signed certificate. Production talks
 * to the configured VACCINATION_REGISTRY_URL over the protocol in ./registry-protocol.ts; in
 * development a local stand-in speaks the same protocol.
 */
export interface VaccinationRegistry {
  /** The person's current `HC1:` certificate, or not found (also when the details do not match). */
  find(query: VaccinationLookupRequest): Promise<{ found: true; hc1: string } | { found: false }>;
}

/** The registry could not answer (down, timeout, misconfigured): a 503 to the citizen, not "not found". */
export class RegistryUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RegistryUnavailableError";
  }
}
