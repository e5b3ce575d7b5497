import type { TrustEntry } from "@khaibao/shared";
import { ConfigError } from "../config/errors";
import { devSignerTrustEntry } from "../standins/vaccination-registry";
import { TrustStore } from "./trust-store";
import { createHttpTrustListSource, createTrustUpdater, type TrustUpdater, type TrustUpdaterLogger } from "./trust-updater";
import { readTrustPath } from "./x509";

export interface TrustConfig {
  VACCINATION_TRUST_FILES?: string | undefined;
  VACCINATION_TRUST_URL?: string | undefined;
  VACCINATION_TRUST_REFRESH_MINUTES: number;
}

/**
 * The trust list from the configuration: the configured files now (a bad file stops start-up,
 * naming it), the development signer when the registry stand-in runs, and an updater for
 * VACCINATION_TRUST_URL. In production the development signer is refused wherever it comes from.
 */
export function configureTrust(
  env: TrustConfig,
  opts: { production: boolean; devSigner: TrustEntry | undefined; logger: TrustUpdaterLogger; now?: () => Date },
): { store: TrustStore; updater: TrustUpdater | undefined } {
  const store = new TrustStore(opts.now);
  const paths = (env.VACCINATION_TRUST_FILES ?? "").split(",").map((p) => p.trim()).filter(Boolean);
  let entries: TrustEntry[];
  try {
    entries = paths.flatMap((p) => readTrustPath(p));
  } catch (error) {
    throw new ConfigError([`VACCINATION_TRUST_FILES: ${(error as Error).message}`]);
  }
  const devKid = devSignerTrustEntry().kid;
  if (opts.production && entries.some((e) => e.kid === devKid)) {
    throw new ConfigError(["VACCINATION_TRUST_FILES: contains the development signer certificate, refused in production"]);
  }
  if (opts.production && opts.devSigner) throw new ConfigError(["the development vaccination signer is never trusted in production"]);
  store.set("files", entries);
  if (opts.devSigner) store.set("development", [opts.devSigner]);

  let updater: TrustUpdater | undefined;
  if (env.VACCINATION_TRUST_URL) {
    const source = createHttpTrustListSource({ url: env.VACCINATION_TRUST_URL });
    const guarded = opts.production
      ? { fetch: async () => (await source.fetch()).filter((e) => e.kid !== devKid) }
      : source;
    updater = createTrustUpdater({ source: guarded, store, intervalMinutes: env.VACCINATION_TRUST_REFRESH_MINUTES, logger: opts.logger });
  }
  return { store, updater };
}
