import { useCallback, useEffect, useState } from "react";
import { isDevelopmentKeyId, RECEIPT_KEYS_PATH, receiptKeySetSchema, type ReceiptKeySet } from "@khaibao/shared";
import { z } from "zod";

/**
 * The published receipt keys, cached on the device so receipts verify without a connection.
 * Stored with the time they were fetched; re-fetched when the page opens, every 30 minutes
 * and when the device comes back online. The cached copy is validated again when read: local
 * storage is not trusted more than the network.
 */
const STORAGE_KEY = "khaibao.console.receipt-keys";
const REFRESH_MS = 30 * 60_000;
/** Older than this, the officer is told to connect: revoked or added keys would be missed. */
export const STALE_AFTER_MS = 7 * 86_400_000;

const cachedSchema = z.object({ fetchedAt: z.number().int(), keySet: receiptKeySetSchema });
export type CachedKeys = z.infer<typeof cachedSchema>;

export function readCachedKeys(): CachedKeys | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const parsed = cachedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function fetchKeys(now: () => number = Date.now): Promise<CachedKeys> {
  const res = await fetch(RECEIPT_KEYS_PATH, { cache: "no-cache", credentials: "omit" });
  if (!res.ok) throw new Error(`keys: HTTP ${res.status}`);
  const keySet = receiptKeySetSchema.parse(await res.json());
  const cached = { fetchedAt: now(), keySet };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(cached));
  } catch {
    // Not persisted (private mode, quota): still used for this page.
  }
  return cached;
}

/** A development key set: its kids start with `dev-` or its issuer says DEVELOPMENT. */
export function isDevelopmentKeySet(keySet: ReceiptKeySet): boolean {
  return keySet.keys.some((k) => isDevelopmentKeyId(k.kid)) || /DEVELOPMENT/i.test(keySet.issuer);
}

export type KeysStatus = "idle" | "refreshing" | "failed";

export function useReceiptKeys(): { cached: CachedKeys | undefined; status: KeysStatus; refresh: () => void } {
  const [cached, setCached] = useState<CachedKeys | undefined>(readCachedKeys);
  const [status, setStatus] = useState<KeysStatus>("idle");
  const refresh = useCallback(() => {
    setStatus("refreshing");
    fetchKeys()
      .then((fresh) => {
        setCached(fresh);
        setStatus("idle");
      })
      .catch(() => setStatus("failed"));
  }, []);
  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    window.addEventListener("online", refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("online", refresh);
    };
  }, [refresh]);
  return { cached, status, refresh };
}
