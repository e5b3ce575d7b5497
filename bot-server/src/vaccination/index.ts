import type { Router } from "express";
import { createTokenBucketLimiter, type RateLimiter } from "../declarations/rate-limit";
import { requireZaloUser, type ZaloGraph } from "../zalo";
import type { VaccinationRegistry } from "./registry";
import { vaccinationRouter } from "./routes";
import type { TrustStore } from "./trust-store";
import type { TrustUpdater } from "./trust-updater";

export { createHttpVaccinationRegistry } from "./registry-http";
export { RegistryUnavailableError, type VaccinationRegistry } from "./registry";
export { configureTrust } from "./trust-config";
export { TrustStore } from "./trust-store";
export { createHttpTrustListSource, createTrustUpdater, type TrustListSource, type TrustUpdater } from "./trust-updater";
export { issueHc1, signingKeyFromPem, type Hc1SigningKey } from "./hc1-signer";
export { dccKid, readTrustPath, trustEntriesFromBytes, trustEntryFromCertificate } from "./x509";

/**
 * Budgets: a family looks up a few people, now and then; one address may be a carrier's NAT with
 * many citizens behind it. 10 lookups at once, then one every 5 minutes, per Zalo user.
 */
export const VACCINATION_LIMITS = {
  lookupPerUser: { capacity: 10, perMinute: 0.2 },
  lookupPerAddress: { capacity: 60, perMinute: 30 },
} as const;

export interface VaccinationDeps {
  registry: VaccinationRegistry;
  trust: TrustStore;
  updater: TrustUpdater | undefined;
  graph: ZaloGraph;
  logger: { warn(obj: Record<string, unknown>, msg: string): void };
  limiters?: Partial<{ perUser: RateLimiter; perAddress: RateLimiter }>;
  now?: () => Date;
}

export interface VaccinationFeature {
  api: Array<readonly [string, Router]>;
  /** Starts the trust list updater, if a URL is configured. */
  start(): void;
  stop(): void;
}

/** Vaccination certificates: the trust list the mini app verifies with, and the registry lookup. */
export function createVaccinationFeature(deps: VaccinationDeps): VaccinationFeature {
  const router = vaccinationRouter({
    auth: requireZaloUser(deps.graph),
    registry: deps.registry,
    trust: deps.trust,
    limiters: {
      perUser: deps.limiters?.perUser ?? createTokenBucketLimiter(VACCINATION_LIMITS.lookupPerUser),
      perAddress: deps.limiters?.perAddress ?? createTokenBucketLimiter(VACCINATION_LIMITS.lookupPerAddress),
    },
    logger: deps.logger,
    now: deps.now ?? (() => new Date()),
  });
  return {
    api: [["/api/vaccination", router]],
    start: () => deps.updater?.start(),
    stop: () => deps.updater?.stop(),
  };
}
