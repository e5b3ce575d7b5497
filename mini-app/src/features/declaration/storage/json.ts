import type { z } from "zod";
import type { PlatformStorage } from "../../../platform";

/** A stored JSON value checked against `schema`; missing, unreadable or wrong-shaped → null. */
export function readJson<S extends z.ZodType>(storage: PlatformStorage, key: string, schema: S): z.output<S> | null {
  const raw = storage.get(key);
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeJson(storage: PlatformStorage, key: string, value: unknown): void {
  storage.set(key, JSON.stringify(value));
}
