import { Worker } from "node:worker_threads";
import type { FieldCipherOptions } from "../../privacy/field-cipher";
import type { ReceiptSignerOptions } from "../../receipts/signer";
import { UniqueConflict } from "../../storage";
import type { DeclarationRecord } from "../record";
import { ConsentWithdrawnConflict } from "../repository";
import type { ThreadFailure, ThreadItem, ThreadReply, ThreadRequest, UnsealedDeclaration } from "./protocol";
import type { DeclarationSealer, DeclarationWriter, SealInput, SealOutput } from "./seal";

export interface SealerThreadOptions {
  /** The same options the server's own cipher and signer were made with (keys or dev key files). */
  cipher: FieldCipherOptions;
  signer: ReceiptSignerOptions;
  /** The server's SQLite file: given, the thread also stores what it sealed (`startDeclarationThread`). */
  sqlitePath?: string | undefined;
}

/**
 * The worker's code: the bundle beside dist/main.js in production; in development and tests the
 * TypeScript source, loaded through tsx's loader registered inside the thread (a worker does not
 * take `--import` among its execArgv).
 */
function newWorker(workerData: SealerThreadOptions): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./declaration-sealer.js", here), { workerData });
  const source = new URL("./worker.ts", here).href;
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Most declarations per message. Smaller batches come back sooner, so the event loop answers
 * the first ones while the thread works on the rest; 8 gave ~6 % more throughput than whole
 * event-loop turns (~30 at a time) in the accept benchmark, 16 about half of that.
 */
const MAX_BATCH = 8;

type Waiting = { resolve: (out: SealOutput) => void; reject: (error: unknown) => void };

/** The conflicts the repository would have thrown on this thread. */
function errorOf(failure: ThreadFailure): Error {
  if (failure.kind === "unique") return new UniqueConflict("declaration");
  if (failure.kind === "consent_withdrawn") return new ConsentWithdrawnConflict();
  return new Error(`declaration sealing failed: ${failure.error}`);
}

/**
 * A thread for the declarations' crypto (and, with a SQLite file, their storage). Accepting a
 * declaration spent most of its event-loop time on an Ed25519 signature, AES-GCM, two keyed
 * hashes and its share of a SQLite transaction, while the machine's other core sat idle. Calls
 * made in the same event-loop turn go over a few per message (MAX_BATCH), so the hand-over costs
 * the event loop little per declaration, and the thread works while the event loop reads the
 * next requests.
 *
 * If the thread dies, the declarations it had in hand fail. What it had not committed is rolled
 * back; what it had committed stays, and the mini app's retry with the same idempotency key gets
 * that receipt. Nothing is lost or stored twice. The next call starts a new thread.
 */
function startThread(options: SealerThreadOptions): { call(item: ThreadItem): Promise<SealOutput>; close(): Promise<void> } {
  let worker: Worker | undefined;
  let pending: Array<Waiting & { item: ThreadItem }> = [];
  let scheduled = false;
  let nextBatch = 0;
  const waiting = new Map<number, Waiting[]>();
  let drained: (() => void) | undefined;
  let closed = false;

  function settleAll(error: unknown): void {
    for (const batch of waiting.values()) for (const w of batch) w.reject(error);
    waiting.clear();
    drained?.();
  }

  function start(): Worker {
    const w = newWorker(options);
    // Only outstanding batches keep the process alive (see `flush`).
    w.unref();
    w.on("message", (reply: ThreadReply) => {
      const batch = waiting.get(reply.batch);
      if (!batch) return;
      waiting.delete(reply.batch);
      reply.results.forEach((result, i) => {
        const caller = batch[i];
        if (!caller) return;
        // A Buffer arrives as a plain Uint8Array: give it its Buffer view back (no copy).
        if ("ok" in result) caller.resolve({ ...result.ok, sealed: Buffer.from(result.ok.sealed.buffer, result.ok.sealed.byteOffset, result.ok.sealed.byteLength) });
        else caller.reject(errorOf(result));
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
      settleAll(new Error(`the declaration thread exited (code ${code})`));
    });
    return w;
  }

  function flush(): void {
    scheduled = false;
    const items = pending.slice(0, MAX_BATCH);
    pending = pending.slice(items.length);
    if (pending.length > 0) {
      scheduled = true;
      setImmediate(flush);
    }
    if (items.length === 0) return;
    if (closed) {
      for (const i of items) i.reject(new Error("the declaration thread is closed"));
      return;
    }
    worker ??= start();
    const batch = nextBatch++;
    waiting.set(batch, items);
    worker.ref();
    worker.postMessage({ batch, items: items.map((i) => i.item) } satisfies ThreadRequest);
  }

  return {
    call(item) {
      return new Promise<SealOutput>((resolve, reject) => {
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

/** Seals, fingerprints and signs on a thread of its own; storing stays with the caller. */
export function startSealerThread(options: Omit<SealerThreadOptions, "sqlitePath">): DeclarationSealer {
  const thread = startThread(options);
  return { seal: (input) => thread.call({ input }), close: () => thread.close() };
}

/**
 * Seals and stores on a thread of its own, with its own connection to the server's SQLite file:
 * the batch's transaction (declarations, outbox rows, consents) runs there too. SQLite only; a
 * PostgreSQL server stores on its pool (`startSealerThread` with the group-commit inserter).
 */
export function startDeclarationThread(options: SealerThreadOptions & { sqlitePath: string }): DeclarationWriter {
  const thread = startThread(options);
  return {
    async write(unsealed: UnsealedDeclaration, input: SealInput, now: Date): Promise<DeclarationRecord> {
      const sealed = await thread.call({ input, store: { unsealed, now: now.toISOString() } });
      return { ...unsealed, ...sealed };
    },
    close: () => thread.close(),
  };
}
