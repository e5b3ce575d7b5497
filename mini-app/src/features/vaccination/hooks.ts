import { useEffect, useState, useSyncExternalStore } from "react";
import type { VerifyResult } from "@khaibao/shared";
import { useApiClient } from "../../lib/api-context";
import { useOnline, usePlatform } from "../../platform";
import { getVaccinationRuntime, type VaccinationRuntime } from "./runtime";
import type { Stored } from "./storage/stored";

export function useVaccination(): VaccinationRuntime {
  return getVaccinationRuntime(usePlatform(), useApiClient());
}

export function useStored<T>(value: Stored<T>): T {
  return useSyncExternalStore(value.subscribe, value.get);
}

/** Refreshes the trust list when the screen opens online, and again when the network comes back. */
export function useTrustRefresh(): void {
  const runtime = useVaccination();
  const online = useOnline();
  useEffect(() => {
    if (online) void runtime.refreshTrust();
  }, [online, runtime]);
}

export type Verification = { status: "checking" } | { status: "done"; result: VerifyResult | null };

/** Verifies `hc1` with the cached trust list, again whenever that list changes. */
export function useVerification(hc1: string | null): Verification {
  const runtime = useVaccination();
  const trust = useStored(runtime.trust);
  const [state, setState] = useState<{ key: string; result: VerifyResult | null } | null>(null);
  const key = `${trust?.list.version ?? "-"}|${hc1 ?? ""}`;
  useEffect(() => {
    if (hc1 === null) return;
    let live = true;
    void runtime.verify(hc1).then((result) => {
      if (live) setState({ key, result });
    });
    return () => {
      live = false;
    };
  }, [hc1, key, runtime]);
  return state && state.key === key ? { status: "done", result: state.result } : { status: "checking" };
}
