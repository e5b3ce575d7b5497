import type { Worker } from "node:worker_threads";
import type { BatchReply, BatchRequest, ThreadResult } from "./protocol";

export interface BatchedThreadOptions<Out> {
  /** Starts the worker (again, after it died). */
  start: () => Worker;
  /** Most items per message. */
  maxBatch: number;
  /** Turns a failure reported by the thread back into the error the caller expects. */
  errorOf: (failure: Exclude<ThreadResult<Out>, { ok: Out }>) => Error;
  /** Restores what structured cloning changed (a Buffer arrives as a Uint8Array). */
  revive?: (out: Out) => Out;
}

export interface BatchedThread<In, Out> {
  call(item: In): Promise<Out>;
  /** Waits for the batches in flight, then ends the thread; later calls fail. */
  close(): Promise<void>;
}

type Waiting<Out> = { resolve: (out: Out) => void; reject: (error: unknown) => void };

/**
 * The main thread's side of a worker that handles items in batches. Calls made in the same
 * event-loop turn go over a few per message (`maxBatch`), so the hand-over costs the event loop
 * little per item, and the thread works while the event loop reads the next requests. The
 * thread starts on the first call. If it dies, the calls it had in hand fail and the next call
 * starts a new one.
 */
export function batchedThread<In, Out>(opts: BatchedThreadOptions<Out>): BatchedThread<In, Out> {
  let worker: Worker | undefined;
  let pending: Array<Waiting<Out> & { item: In }> = [];
  let scheduled = false;
  let nextBatch = 0;
  const waiting = new Map<number, Waiting<Out>[]>();
  let drained: (() => void) | undefined;
  let closed = false;

  function settleAll(error: unknown): void {
    for (const batch of waiting.values()) for (const w of batch) w.reject(error);
    waiting.clear();
    drained?.();
  }

  function start(): Worker {
    const w = opts.start();
    // Only outstanding batches keep the process alive (see `flush`).
    w.unref();
    w.on("message", (reply: BatchReply<Out>) => {
      const batch = waiting.get(reply.batch);
      if (!batch) return;
      waiting.delete(reply.batch);
      reply.results.forEach((result, i) => {
        const caller = batch[i];
        if (!caller) return;
        if ("ok" in result) caller.resolve(opts.revive ? opts.revive(result.ok) : result.ok);
        else caller.reject(opts.errorOf(result));
      });
      if (waiting.size === 0) {
        w.unref();
        drained?.();
      }
    });
    w.on("error", (error) => {
      if (worker === w) worker = undefined;
      settleAll(error);
    });
    w.on("exit", (code) => {
      if (worker === w) worker = undefined;
      settleAll(new Error(`a worker thread exited (code ${code})`));
    });
    return w;
  }

  function flush(): void {
    scheduled = false;
    const items = pending.slice(0, opts.maxBatch);
    pending = pending.slice(items.length);
    if (pending.length > 0) {
      scheduled = true;
      setImmediate(flush);
    }
    if (items.length === 0) return;
    if (closed) {
      for (const i of items) i.reject(new Error("the worker thread is closed"));
      return;
    }
    worker ??= start();
    const batch = nextBatch++;
    waiting.set(batch, items);
    worker.ref();
    worker.postMessage({ batch, items: items.map((i) => i.item) } satisfies BatchRequest<In>);
  }

  return {
    call(item) {
      return new Promise<Out>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    async close() {
      closed = true;
      if (waiting.size > 0) await new Promise<void>((resolve) => (drained = resolve));
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
