import { verifyHc1, type VerifyResult } from "@khaibao/shared";
import type { ApiClient } from "../../lib/api-client";
import type { Platform } from "../../platform";
import { fetchTrustList } from "./api/trust-list";
import { registerLoadedWallet } from "./forget";
import { VACCINATION_KEYS } from "./storage/keys";
import { createStored, type Stored } from "./storage/stored";
import { cachedTrustSchema, cacheTrust, needsRefresh, type CachedTrust } from "./storage/trust-cache";
import { walletSchema, type WalletEntry } from "./storage/wallet";

export type TrustRefresh = "idle" | "refreshing" | "failed";

/** The wallet's state on this phone: one per platform, shared by every wallet screen. */
export interface VaccinationRuntime {
  wallet: Stored<WalletEntry[]>;
  trust: Stored<CachedTrust | null>;
  /** How the last trust-list refresh went (memory only). */
  refresh: Stored<TrustRefresh>;
  /** Fetches the trust list when online and it is due (or `force`); keeps the cached one on failure. */
  refreshTrust(options?: { force?: boolean }): Promise<void>;
  /** Verifies against the cached trust list; null when the phone has none yet, or cannot check signatures. */
  verify(hc1: string): Promise<VerifyResult | null>;
  /**
   * WebCrypto is only there in secure contexts (https, localhost): without it every signature
   * would read as forged, so nothing is checked and the screen says why instead.
   */
  readonly canCheckSignatures: boolean;
  now(): Date;
  newId(): string;
}

function memory<T>(initial: T): Stored<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const l of listeners) l();
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function createVaccinationRuntime(platform: Platform, api: ApiClient, now: () => Date = () => new Date()): VaccinationRuntime {
  const wallet = createStored(platform.storage, VACCINATION_KEYS.wallet, walletSchema, []);
  const trust = createStored(platform.storage, VACCINATION_KEYS.trust, cachedTrustSchema.nullable().catch(null), null);
  const refresh = memory<TrustRefresh>("idle");
  let inFlight: Promise<void> | null = null;

  const refreshTrust = ({ force = false } = {}) => {
    if (inFlight) return inFlight;
    if (!platform.isOnline() || (!force && !needsRefresh(trust.get(), now()))) return Promise.resolve();
    refresh.set("refreshing");
    inFlight = fetchTrustList(api)
      .then(
        (list) => {
          trust.set(cacheTrust(list, now()));
          refresh.set("idle");
        },
        () => refresh.set("failed"),
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  const canCheckSignatures = typeof globalThis.crypto?.subtle?.verify === "function";

  return {
    wallet,
    trust,
    refresh,
    refreshTrust,
    canCheckSignatures,
    async verify(hc1) {
      const cached = trust.get();
      if (!cached || !canCheckSignatures) return null;
      return verifyHc1(hc1, { trust: cached.list.entries, now: now() });
    },
    now,
    newId: randomId,
  };
}

const runtimes = new WeakMap<Platform, VaccinationRuntime>();

export function getVaccinationRuntime(platform: Platform, api: ApiClient): VaccinationRuntime {
  let runtime = runtimes.get(platform);
  if (!runtime) {
    runtime = createVaccinationRuntime(platform, api);
    runtimes.set(platform, runtime);
    const { wallet } = runtime;
    registerLoadedWallet(platform, { clear: () => wallet.set([]) });
  }
  return runtime;
}
