import type { z } from "zod";
import type { PlatformStorage } from "../../../platform";

/**
 * One JSON value in platform storage, checked against its schema when read (missing, unreadable
 * or wrong-shaped: the fallback), kept in memory, written on every change and observable: the
 * same pattern as the declaration feature's stored values (features do not import each other).
 */
export interface Stored<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function readStored<S extends z.ZodType>(storage: PlatformStorage, key: string, schema: S): z.output<S> | null {
  const raw = storage.get(key);
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function createStored<S extends z.ZodType>(storage: PlatformStorage, key: string, schema: S, fallback: z.output<S>): Stored<z.output<S>> {
  let value: z.output<S> = readStored(storage, key, schema) ?? fallback;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      storage.set(key, JSON.stringify(next));
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
