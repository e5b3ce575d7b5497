import { useCallback } from "react";
import { checkpointResponseSchema, type Checkpoint } from "@khaibao/shared";
import type { ApiClient } from "../../../lib/api-client";
import { useApiClient } from "../../../lib/api-context";
import { useQuery, type QueryResult } from "../../../lib/use-query";

/** GET /api/checkpoints/:id: public, so no access token (one native call fewer on the first screen). */
export async function getCheckpoint(client: ApiClient, id: string, signal?: AbortSignal): Promise<Checkpoint> {
  const { checkpoint } = await client.request(`/api/checkpoints/${encodeURIComponent(id)}`, checkpointResponseSchema, {
    auth: false,
    ...(signal ? { signal } : {}),
  });
  return checkpoint;
}

export function useCheckpoint(id: string | null): QueryResult<Checkpoint> {
  const client = useApiClient();
  const fetcher = useCallback((signal: AbortSignal) => getCheckpoint(client, id ?? "", signal), [client, id]);
  return useQuery(id === null ? null : `checkpoint:${id}`, fetcher);
}
