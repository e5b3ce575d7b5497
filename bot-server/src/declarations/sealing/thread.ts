import { Worker } from "node:worker_threads";
import type { FieldCipherOptions } from "../../privacy/field-cipher";
import type { ReceiptSignerOptions } from "../../receipts/signer";
import type { SealerReply, SealerRequest } from "./protocol";
import type { DeclarationSealer, SealInput, SealOutput } from "./seal";

export interface SealerThreadOptions {
  /** The same options the server's own cipher and signer were made with (keys or dev key files). */
  cipher: FieldCipherOptions;
  signer: ReceiptSignerOptions;
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

type Waiting = { resolve: (out: SealOutput) => void; reject: (error: unknown) => void };

/**
 * Seals, hashes and signs declarations on a thread of its own. Accepting a declaration spends
 * most of its CPU on that crypto (an Ed25519 signature, AES-GCM, two keyed hashes: about as much
 * as all of its HTTP, validation and storage work together), and the event loop was the
 * bottleneck while the machine's other core sat idle. Calls made in the same event-loop turn go
 * over in one message, so the hand-over costs the event loop little per declaration, and the
 * batch is sealed while the event loop reads the next requests.
 *
 * If the thread dies, the declarations it was sealing fail (nothing of them was stored: the
 * mini app retries with the same idempotency key) and the next call starts a new thread.
 */
export function startSealerThread(options: SealerThreadOptions): DeclarationSealer {
  let worker: Worker | undefined;
  let pending: Array<Waiting & { input: SealInput }> = [];
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
    // Only outstanding batches keep the process alive (see `send`).
    w.unref();
    w.on("message", (reply: SealerReply) => {
      const batch = waiting.get(reply.batch);
      if (!batch) return;
      waiting.delete(reply.batch);
      reply.results.forEach((result, i) => {
        const w8 = batch[i];
        if (!w8) return;
        // A Buffer arrives as a plain Uint8Array: give it its Buffer view back (no copy).
        if ("ok" in result) w8.resolve({ ...result.ok, sealed: Buffer.from(result.ok.sealed.buffer, result.ok.sealed.byteOffset, result.ok.sealed.byteLength) });
        else w8.reject(new Error(`declaration sealing failed: ${result.error}`));
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
      settleAll(new Error(`the declaration sealer thread exited (code ${code})`));
    });
    return w;
  }

  function flush(): void {
    scheduled = false;
    const items = pending;
    pending = [];
    if (items.length === 0) return;
    if (closed) {
      for (const i of items) i.reject(new Error("the declaration sealer is closed"));
      return;
    }
    worker ??= start();
    const batch = nextBatch++;
    waiting.set(batch, items);
    worker.ref();
    worker.postMessage({ batch, inputs: items.map((i) => i.input) } satisfies SealerRequest);
  }

  return {
    seal(input) {
      return new Promise<SealOutput>((resolve, reject) => {
        pending.push({ input, resolve, reject });
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
