import { useCallback } from "react";
import { checkpointListResponseSchema, type Checkpoint } from "@khaibao/shared";
import type { ApiClient } from "../../../lib/api-client";
import { useApiClient } from "../../../lib/api-context";
import { useQuery, type QueryResult } from "../../../lib/use-query";

/** GET /api/checkpoints: the checkpoints people can declare at now (the server lists active ones). */
export async function listActiveCheckpoints(client: ApiClient, signal?: AbortSignal): Promise<Checkpoint[]> {
  const { checkpoints } = await client.request("/api/checkpoints", checkpointListResponseSchema, {
    auth: false,
    ...(signal ? { signal } : {}),
  });
  return checkpoints.filter((c) => c.active);
}

export function useActiveCheckpoints(): QueryResult<Checkpoint[]> {
  const client = useApiClient();
  const fetcher = useCallback((signal: AbortSignal) => listActiveCheckpoints(client, signal), [client]);
  return useQuery("checkpoints", fetcher);
}
