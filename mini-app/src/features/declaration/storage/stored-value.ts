import type { z } from "zod";
import type { PlatformStorage } from "../../../platform";
import { readJson, writeJson } from "./json";

/** One JSON value in platform storage, read once, kept in memory, written on every change, observable. */
export interface StoredValue<T> {
  get(): T;
  set(value: T): void;
  update(change: (value: T) => T): void;
  subscribe(listener: () => void): () => void;
}

export function createStoredValue<S extends z.ZodType>(
  storage: PlatformStorage,
  key: string,
  schema: S,
  fallback: z.output<S>,
): StoredValue<z.output<S>> {
  let value: z.output<S> = readJson(storage, key, schema) ?? fallback;
  const listeners = new Set<() => void>();
  const set = (next: z.output<S>) => {
    value = next;
    writeJson(storage, key, next);
    for (const listener of listeners) listener();
  };
  return {
    get: () => value,
    set,
    update: (change) => set(change(value)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
