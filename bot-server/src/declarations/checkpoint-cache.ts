import type { CheckpointRecord } from "../checkpoints/repository";

type CheckpointSource = { get(id: string): Promise<CheckpointRecord | undefined> };

/**
 * Every submission looks up its checkpoint, and checkpoints change a few times a year (seed,
 * CLI): a short-lived copy saves a query per request. Validity windows are still checked with
 * the request's own time (`isActive`), so only edits to a row take up to `ttlMs` to be seen.
 * Unknown ids are not cached, so a new checkpoint is usable at once and junk ids cannot fill it.
 */
export function cachedCheckpoints(source: CheckpointSource, opts: { ttlMs?: number; maxEntries?: number; clock?: () => number } = {}): CheckpointSource {
  const ttlMs = opts.ttlMs ?? 30_000;
  const maxEntries = opts.maxEntries ?? 1_000;
  const clock = opts.clock ?? Date.now;
  const entries = new Map<string, { until: number; record: CheckpointRecord }>();
  return {
    async get(id) {
      const hit = entries.get(id);
      if (hit && hit.until > clock()) return hit.record;
      const record = await source.get(id);
      if (record) {
        // A full cache starts over: simpler than LRU, and there are only a few hundred checkpoints.
        if (entries.size >= maxEntries) entries.clear();
        entries.set(id, { until: clock() + ttlMs, record });
      } else entries.delete(id);
      return record;
    },
  };
}
