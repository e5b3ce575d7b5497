/**
 * The loop shared by the webhook inbox worker and the outbound message worker: claim what is due
 * (up to the free slots), handle each claimed item concurrently, and sleep until the next poll or
 * until `wake()` (an event was stored, a reply was queued, a slot came free). Claims are leases
 * in the database, so several instances run this loop against the same table safely.
 */
export interface PollingWorker {
  start(): void;
  /** Stops claiming, lets the items in hand finish, then resolves. */
  stop(): Promise<void>;
  /** Something may be due now: look without waiting for the poll. */
  wake(): void;
  /** One claim round without the loop, for tests and tools; resolves when every item is handled. */
  drainOnce(): Promise<number>;
  /** Rounds until nothing due is left (bounded): for tests that want every queue empty. */
  drainUntilIdle(maxRounds?: number): Promise<number>;
}

export interface PollingWorkerOptions<T> {
  /** Leases up to `limit` due items. */
  claim(limit: number): Promise<T[]>;
  /** Handles one item; must record its own outcome (done, retry, failed) and not throw. */
  handle(item: T): Promise<void>;
  concurrency: number;
  pollMs: number;
  onClaimError?(error: unknown): void;
}

export function createPollingWorker<T>(opts: PollingWorkerOptions<T>): PollingWorker {
  const inFlight = new Set<Promise<void>>();
  let wakePending = false;
  let wakeWaiter: (() => void) | undefined;
  let running: Promise<void> | undefined;
  let stopping = false;

  function notify(): void {
    if (wakeWaiter) wakeWaiter();
    else wakePending = true;
  }

  // Handling runs on SQLite's synchronous calls and promise continuations: without a macrotask
  // between rounds a backlog kept the loop in microtasks, and HTTP (Zalo's webhook, which must
  // be answered within 2 s) waited until the whole backlog was handled.
  const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

  function sleep(ms: number): Promise<void> {
    if (wakePending) {
      wakePending = false;
      return yieldToIo();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakeWaiter = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeWaiter = done;
    });
  }

  const safeHandle = (item: T): Promise<void> => opts.handle(item).catch(() => undefined);

  function track(item: T): void {
    const p = safeHandle(item).finally(() => {
      inFlight.delete(p);
      notify();
    });
    inFlight.add(p);
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      const free = opts.concurrency - inFlight.size;
      let full = false;
      if (free > 0) {
        try {
          const items = await opts.claim(free);
          for (const item of items) track(item);
          full = items.length === free;
        } catch (error) {
          opts.onClaimError?.(error);
        }
      }
      // Filled every free slot: more may be due, go again once a slot frees (a finishing item notifies).
      if (full && inFlight.size < opts.concurrency) {
        await yieldToIo();
        continue;
      }
      await sleep(opts.pollMs);
    }
  }

  const worker: PollingWorker = {
    start() {
      if (running) return;
      stopping = false;
      running = loop();
    },
    async stop() {
      stopping = true;
      notify();
      await running;
      running = undefined;
      await Promise.all([...inFlight]);
    },
    wake: notify,
    async drainOnce() {
      const items = await opts.claim(opts.concurrency);
      await Promise.all(items.map(safeHandle));
      return items.length;
    },
    async drainUntilIdle(maxRounds = 1_000) {
      let total = 0;
      for (let round = 0; round < maxRounds; round++) {
        const n = await worker.drainOnce();
        if (n === 0) break;
        total += n;
      }
      return total;
    },
  };
  return worker;
}
