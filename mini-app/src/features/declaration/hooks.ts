import { useSyncExternalStore } from "react";
import { useApiClient } from "../../lib/api-context";
import { usePlatform } from "../../platform";
import { getRuntime, type DeclarationRuntime } from "./runtime";
import type { Draft } from "./storage/draft";
import type { StoredValue } from "./storage/stored-value";
import type { OutboxState } from "./outbox/outbox";

export function useRuntime(): DeclarationRuntime {
  return getRuntime(usePlatform(), useApiClient());
}

/** Re-renders when the stored value changes. */
export function useStored<T>(value: StoredValue<T>): T {
  return useSyncExternalStore(value.subscribe, value.get);
}

export function useDraft(): Draft | null {
  const { draft } = useRuntime();
  return useSyncExternalStore(draft.subscribe, draft.get);
}

export function useOutbox(): OutboxState {
  const { outbox } = useRuntime();
  return useSyncExternalStore(outbox.subscribe, outbox.getState);
}
