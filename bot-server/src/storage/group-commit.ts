/**
 * Group commit: items submitted while earlier batches are being written gather into the next
 * batch, written by `writeMany` in one transaction (or one multi-row INSERT), so BEGIN/COMMIT
 * and the WAL page writes are paid once per batch instead of once per item. Alone, an item
 * waits for nothing but a `setImmediate`. Each caller is settled only after its batch
 * committed, with its own outcome: `writeMany` returns one per item, its value or the error
 * that refused that item alone. If the batch fails as a whole (nothing of it was written), its
 * items are retried one by one with `writeOne`, so one bad item cannot fail the others.
 *
 * Used by the declaration inserts, the outbox's completions and the webhook inbox.
 */
export type ItemOutcome<R> = { value: R } | { error: unknown };

export interface GroupCommitOptions<T, R> {
  writeMany(items: T[]): Promise<ItemOutcome<R>[]>;
  writeOne(item: T): Promise<R>;
  /** Most items in one transaction (default 64). */
  maxBatch?: number;
  /** Batches being written at once (default 2; SQLite runs them one after another anyway). */
  maxInFlight?: number;
}

/** Outcomes from one error slot per item, `undefined` meaning that item was written. */
export function outcomesFromErrors(errors: readonly unknown[]): ItemOutcome<void>[] {
  return errors.map((error) => (error === undefined ? { value: undefined } : { error }));
}

export type GroupCommitLimits = Pick<GroupCommitOptions<unknown, unknown>, "maxBatch" | "maxInFlight">;

export function createGroupCommit<T, R = void>(opts: GroupCommitOptions<T, R>): (item: T) => Promise<R> {
  const maxBatch = opts.maxBatch ?? 64;
  const maxInFlight = opts.maxInFlight ?? 2;
  type Waiting = { item: T; resolve: (value: R) => void; reject: (e: unknown) => void };
  let pending: Waiting[] = [];
  let scheduled = false;
  let inFlight = 0;

  const one = (w: Waiting) => opts.writeOne(w.item).then(w.resolve, w.reject);

  async function write(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return one(batch[0] as Waiting);
    let outcomes: ItemOutcome<R>[];
    try {
      outcomes = await opts.writeMany(batch.map((w) => w.item));
    } catch {
      await Promise.all(batch.map(one));
      return;
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome === undefined) w.reject(new Error("group commit: writeMany returned fewer outcomes than items"));
      else if ("error" in outcome) w.reject(outcome.error);
      else w.resolve(outcome.value);
    });
  }

  function flush(): void {
    scheduled = false;
    while (pending.length > 0 && inFlight < maxInFlight) {
      const batch = pending.length <= maxBatch ? pending : pending.slice(0, maxBatch);
      pending = pending.length <= maxBatch ? [] : pending.slice(batch.length);
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

  return (item) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      schedule();
    });
}
