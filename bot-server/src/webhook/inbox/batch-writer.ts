import type { InboxRepository, NewInboxEvent } from "./repository";

export interface InboxWriter {
  insert(event: NewInboxEvent): Promise<"stored" | "duplicate">;
}

export interface BatchOptions {
  /** Most events in one INSERT (default 64). */
  maxBatch?: number;
  /** Batches being written at once (default 2); later events gather into the next batch meanwhile. */
  maxInFlight?: number;
}

/**
 * Group commit for the webhook. Events that arrive while earlier batches are being written (a
 * PostgreSQL commit waits for its WAL flush) gather into the next batch, stored by one multi-row
 * INSERT with one commit; each request is answered once its own row is durable. Alone, an event
 * waits for nothing but a `setImmediate`. If a batch fails, its events are retried one by one so
 * one bad row cannot fail the others' requests.
 */
export function createBatchedInboxWriter(repo: InboxRepository, opts: BatchOptions = {}): InboxWriter {
  const maxBatch = opts.maxBatch ?? 64;
  const maxInFlight = opts.maxInFlight ?? 2;
  type Waiting = { event: NewInboxEvent; resolve: (v: "stored" | "duplicate") => void; reject: (e: unknown) => void };
  let pending: Waiting[] = [];
  let scheduled = false;
  let inFlight = 0;

  async function write(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) {
      const [only] = batch as [Waiting];
      await repo.insert(only.event).then(only.resolve, only.reject);
      return;
    }
    let stored: Set<string>;
    try {
      stored = await repo.insertMany(batch.map((w) => w.event));
    } catch {
      await Promise.all(batch.map((w) => repo.insert(w.event).then(w.resolve, w.reject)));
      return;
    }
    for (const w of batch) {
      // The first request of a key stored it; a redelivery in the same batch is a duplicate.
      w.resolve(stored.delete(w.event.dedupeKey) ? "stored" : "duplicate");
    }
  }

  function flush(): void {
    scheduled = false;
    while (pending.length > 0 && inFlight < maxInFlight) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      inFlight++;
      void write(batch).finally(() => {
        inFlight--;
        if (pending.length > 0) schedule();
      });
    }
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    insert(event) {
      return new Promise((resolve, reject) => {
        pending.push({ event, resolve, reject });
        schedule();
      });
    },
  };
}
