import { z } from "zod";
import { trustListSchema, type TrustList } from "@khaibao/shared";

/**
 * The trust list (the signer certificates our server trusts) as last fetched, with when it was
 * fetched: certificates are verified against it with no network, and its age is shown, because a
 * stale list fails silently (a new signer key looks like "unknown issuer").
 */
export const cachedTrustSchema = z.object({
  list: trustListSchema,
  fetchedAt: z.iso.datetime({ offset: true }),
});
export type CachedTrust = z.infer<typeof cachedTrustSchema>;

/** Refetch at most this often while online; the list changes rarely, the network at a checkpoint is poor. */
export const TRUST_REFRESH_MS = 15 * 60_000;
/** Older than this, the age is shown as a warning. */
export const TRUST_STALE_MS = 7 * 24 * 3600_000;

export function cacheTrust(list: TrustList, now: Date): CachedTrust {
  return { list, fetchedAt: now.toISOString() };
}

export function needsRefresh(cached: CachedTrust | null, now: Date): boolean {
  if (!cached) return true;
  const at = Date.parse(cached.fetchedAt);
  return Number.isNaN(at) || now.getTime() - at >= TRUST_REFRESH_MS || at > now.getTime();
}

export function isStale(cached: CachedTrust, now: Date): boolean {
  return now.getTime() - Date.parse(cached.fetchedAt) >= TRUST_STALE_MS;
}
