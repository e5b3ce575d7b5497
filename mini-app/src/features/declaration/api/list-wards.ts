import { wardListResponseSchema, type Ward } from "@khaibao/shared";
import type { ApiClient } from "../../../lib/api-client";

/** GET /api/admin-units/provinces/:code/wards: one province's wards with their former names (public, cached a day). */
export async function listWards(client: ApiClient, provinceCode: string, signal?: AbortSignal): Promise<Ward[]> {
  const { wards } = await client.request(`/api/admin-units/provinces/${encodeURIComponent(provinceCode)}/wards`, wardListResponseSchema, {
    auth: false,
    ...(signal ? { signal } : {}),
  });
  return [...wards];
}
