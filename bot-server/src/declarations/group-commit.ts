/**
 * Group commit: items submitted while earlier batches are being written gather into the next
 * batch, written by `writeMany` in one transaction, so BEGIN/COMMIT and the WAL page writes are
 * paid once per batch instead of once per item. Alone, an item waits for nothing but a
 * `setImmediate`. Each caller is settled only after its batch committed, with its own outcome:
 * `writeMany` returns one slot per item, `undefined` for success or that item's error. If the
 * batch fails as a whole (nothing of it was written), its items are retried one by one with
 * `writeOne`, so one bad item cannot fail the others. Same shape as the webhook inbox writer.
 */
export interface GroupCommitOptions<T> {
  writeMany(items: T[]): Promise<unknown[]>;
  writeOne(item: T): Promise<void>;
  /** Most items in one transaction (default 64). */
  maxBatch?: number;
  /** Batches being written at once (default 2; SQLite runs them one after another anyway). */
  maxInFlight?: number;
}

export function createGroupCommit<T>(opts: GroupCommitOptions<T>): (item: T) => Promise<void> {
  const maxBatch = opts.maxBatch ?? 64;
  const maxInFlight = opts.maxInFlight ?? 2;
  type Waiting = { item: T; resolve: () => void; reject: (e: unknown) => void };
  let pending: Waiting[] = [];
  let scheduled = false;
  let inFlight = 0;

  const one = (w: Waiting) => opts.writeOne(w.item).then(w.resolve, w.reject);

  async function write(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return one(batch[0] as Waiting);
    let errors: unknown[];
    try {
      errors = await opts.writeMany(batch.map((w) => w.item));
    } catch {
      await Promise.all(batch.map(one));
      return;
    }
    batch.forEach((w, i) => (errors[i] === undefined ? w.resolve() : w.reject(errors[i])));
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

  return (item) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      schedule();
    });
}
