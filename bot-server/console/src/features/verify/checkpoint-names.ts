import { useEffect, useState } from "react";
import { checkpointListResponseSchema } from "@khaibao/shared";

const STORAGE_KEY = "khaibao.console.checkpoint-names";

/**
 * Checkpoint names by id, so an offline result can say "Pháp Vân - Cầu Giẽ" rather than
 * "HN-PHAPVAN". Cached like the keys; the id is shown when a name is unknown.
 */
export function useCheckpointNames(): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>(() => {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}");
      return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  });
  useEffect(() => {
    let cancelled = false;
    fetch("/api/checkpoints", { cache: "no-cache" })
      .then(async (res) => {
        if (!res.ok) return;
        const { checkpoints } = checkpointListResponseSchema.parse(await res.json());
        const fresh = Object.fromEntries(checkpoints.map((c) => [c.id, c.name]));
        if (cancelled) return;
        setNames(fresh);
        try {
          localStorage.setItem(STORAGE_KEY, JSON.stringify(fresh));
        } catch {
          // Not persisted.
        }
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return names;
}
