import { useCallback } from "react";
import { z } from "zod";
import { checkpointResponseSchema, checkpointSchema, type Checkpoint } from "@khaibao/shared";
import { isApiError, type ApiClient } from "../../../lib/api-client";
import { useApiClient } from "../../../lib/api-context";
import { useQuery, type QueryResult } from "../../../lib/use-query";
import { usePlatform, type PlatformStorage } from "../../../platform";

/** GET /api/checkpoints/:id: public, so no access token (one native call fewer on the first screen). */
export async function getCheckpoint(client: ApiClient, id: string, signal?: AbortSignal): Promise<Checkpoint> {
  const { checkpoint } = await client.request(`/api/checkpoints/${encodeURIComponent(id)}`, checkpointResponseSchema, {
    auth: false,
    ...(signal ? { signal } : {}),
  });
  return checkpoint;
}

/**
 * Checkpoints seen on this phone, so that a citizen who scanned the poster before (and whose
 * phone has no network in the queue) still gets the landing screen and can declare offline.
 */
export const CHECKPOINT_CACHE_KEY = "checkpoint.cache.v1";
const MAX_CACHED = 10;
const cacheSchema = z.array(checkpointSchema);

function readCache(storage: PlatformStorage): Checkpoint[] {
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(storage.get(CHECKPOINT_CACHE_KEY) ?? "[]"));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function cacheCheckpoint(storage: PlatformStorage, checkpoint: Checkpoint): void {
  const others = readCache(storage).filter((c) => c.id !== checkpoint.id);
  storage.set(CHECKPOINT_CACHE_KEY, JSON.stringify([checkpoint, ...others].slice(0, MAX_CACHED)));
}

export function cachedCheckpoint(storage: PlatformStorage, id: string): Checkpoint | undefined {
  return readCache(storage).find((c) => c.id === id);
}

/** From the server; when the network is down, the copy kept from an earlier visit. */
export async function getCheckpointOrCached(client: ApiClient, storage: PlatformStorage, id: string, signal?: AbortSignal): Promise<Checkpoint> {
  try {
    const checkpoint = await getCheckpoint(client, id, signal);
    cacheCheckpoint(storage, checkpoint);
    return checkpoint;
  } catch (error) {
    const cached = isApiError(error) && error.kind === "network" ? cachedCheckpoint(storage, id) : undefined;
    if (cached) return cached;
    throw error;
  }
}

export function useCheckpoint(id: string | null): QueryResult<Checkpoint> {
  const client = useApiClient();
  const { storage } = usePlatform();
  const fetcher = useCallback((signal: AbortSignal) => getCheckpointOrCached(client, storage, id ?? "", signal), [client, storage, id]);
  return useQuery(id === null ? null : `checkpoint:${id}`, fetcher);
}
