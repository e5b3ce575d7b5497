import {
  provinceListResponseSchema,
  staffCheckpointListResponseSchema,
  staffCheckpointResponseSchema,
  wardListResponseSchema,
  type CheckpointCreateRequest,
  type CheckpointUpdateRequest,
  type PosterFormat,
  type PosterSize,
  type StaffCheckpoint,
} from "@khaibao/shared";
import { request } from "../../lib/api";

export async function listCheckpoints(): Promise<StaffCheckpoint[]> {
  return (await request("/api/staff/checkpoints", { schema: staffCheckpointListResponseSchema })).checkpoints;
}

export async function createCheckpoint(input: CheckpointCreateRequest): Promise<StaffCheckpoint> {
  return (await request("/api/staff/checkpoints", { method: "POST", body: input, schema: staffCheckpointResponseSchema })).checkpoint;
}

export async function updateCheckpoint(id: string, input: CheckpointUpdateRequest): Promise<StaffCheckpoint> {
  return (await request(`/api/staff/checkpoints/${encodeURIComponent(id)}`, { method: "PATCH", body: input, schema: staffCheckpointResponseSchema })).checkpoint;
}

export async function deactivateCheckpoint(id: string): Promise<StaffCheckpoint> {
  return (await request(`/api/staff/checkpoints/${encodeURIComponent(id)}/deactivate`, { method: "POST", body: {}, schema: staffCheckpointResponseSchema })).checkpoint;
}

/** A plain link: the session cookie goes along and the server names the file. */
export function posterUrl(id: string, format: PosterFormat, size: PosterSize): string {
  return `/api/staff/checkpoints/${encodeURIComponent(id)}/poster.${format}?size=${size}`;
}

export async function listProvinces() {
  return (await request("/api/admin-units/provinces", { schema: provinceListResponseSchema })).provinces;
}

export async function listWards(provinceCode: string) {
  return (await request(`/api/admin-units/provinces/${encodeURIComponent(provinceCode)}/wards`, { schema: wardListResponseSchema })).wards;
}
