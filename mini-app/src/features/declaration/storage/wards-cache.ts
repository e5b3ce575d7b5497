import { z } from "zod";
import { wardSchema, type Ward } from "@khaibao/shared";
import type { PlatformStorage } from "../../../platform";
import { readJson, writeJson } from "./json";
import { STORAGE_KEYS } from "./keys";

/**
 * The last few provinces' ward lists, kept on the phone: a returning citizen's province (and
 * the checkpoint's) then works without the network. A handful only; the whole country's
 * 3,321 wards stay on the server.
 */
export const MAX_CACHED_PROVINCES = 4;

const cacheSchema = z.array(z.object({ provinceCode: z.string(), wards: z.array(wardSchema), savedAt: z.string() })).catch([]);

export interface WardsCache {
  get(provinceCode: string): Ward[] | null;
  put(provinceCode: string, wards: Ward[]): void;
}

export function createWardsCache(storage: PlatformStorage, now: () => Date = () => new Date()): WardsCache {
  const memory = new Map<string, Ward[]>();
  return {
    get(provinceCode) {
      const hit = memory.get(provinceCode);
      if (hit) return hit;
      const entry = (readJson(storage, STORAGE_KEYS.wards, cacheSchema) ?? []).find((e) => e.provinceCode === provinceCode);
      if (!entry) return null;
      memory.set(provinceCode, entry.wards);
      return entry.wards;
    },
    put(provinceCode, wards) {
      memory.set(provinceCode, wards);
      const others = (readJson(storage, STORAGE_KEYS.wards, cacheSchema) ?? []).filter((e) => e.provinceCode !== provinceCode);
      writeJson(storage, STORAGE_KEYS.wards, [{ provinceCode, wards, savedAt: now().toISOString() }, ...others].slice(0, MAX_CACHED_PROVINCES));
    },
  };
}
