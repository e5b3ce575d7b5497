// Background WAL checkpoints for a SQLite file.
//
// A checkpoint copies the pages the WAL holds back into the database file and fsyncs it. Left to
// SQLite (wal_autocheckpoint), it runs inside whichever COMMIT crosses the threshold: on our one
// connection, on the event loop, every few hundred declarations for milliseconds at a time. Here a
// worker thread with its own connection runs PASSIVE checkpoints (they never block our writes or
// reads) every `intervalMs`, so the event loop only appends to the WAL. The connection it serves
// keeps a high wal_autocheckpoint as a safety net: if this thread falls behind or dies, SQLite
// checkpoints on the main thread again instead of letting the WAL grow without bound.

import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { StorageLogger } from "./types";

/** Pages the WAL may reach before the serving connection checkpoints by itself (~40 MB). */
export const SAFETY_NET_PAGES = 10_000;

/** WAL frames (pages) past which a round also starts the WAL over: ~8 MB, well below the safety net. */
export const RESTART_FRAMES = 2_000;

export interface Checkpointer {
  /** Runs a last checkpoint and ends the thread. */
  stop(): Promise<void>;
}

// Plain CommonJS, evaluated as the worker's script: no loader or bundle is needed to run it, in
// tests (TypeScript sources) as in production (the bundle). The driver's path comes from the
// main thread, so both resolve the same better-sqlite3.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
// The busy timeout only ever applies to RESTART: PASSIVE checkpoints never wait.
const db = new Database(workerData.file, { fileMustExist: true, timeout: workerData.restartWaitMs });
let failed = false;
const round = () => {
  try {
    const [r] = db.pragma("wal_checkpoint(PASSIVE)");
    // PASSIVE copies the frames the WAL held when it began; under steady writes more arrive
    // meanwhile, so the WAL is never wholly copied at the moment a writer starts, and only a
    // writer that finds it wholly copied starts it over. Left so, it grows to the serving
    // connection's safety net, which then checkpoints inside a COMMIT on the event loop (~30 ms
    // each time on this project's bench machine). RESTART takes the write lock for the last few
    // frames (a writer meanwhile is told "busy" and retries; it never waits inside SQLite on the
    // event loop), so the next writer starts the WAL over. It waits a few milliseconds at most
    // for a writer or reader in the way (a server's transactions are shorter), then leaves it to
    // the next round.
    if (r && r.busy === 0 && r.log >= workerData.restartFrames) db.pragma("wal_checkpoint(RESTART)");
    failed = false;
  } catch (error) {
    // SQLITE_BUSY while another connection checkpoints is normal; report anything else once.
    if (!failed && error && error.code !== "SQLITE_BUSY") parentPort.postMessage({ error: String(error.message || error) });
    failed = true;
  }
};
const timer = setInterval(round, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  round();
  db.close();
  parentPort.close();
});
`;

export function startCheckpointer(file: string, opts: { intervalMs?: number; logger?: StorageLogger | undefined; onFailure: () => void }): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs: opts.intervalMs ?? 100, restartFrames: RESTART_FRAMES, restartWaitMs: 5 } });
  // The thread must never keep a process alive that is otherwise done.
  worker.unref();
  let stopped = false;
  worker.on("message", (m: { error?: string }) => {
    if (m.error) opts.logger?.warn({ error: m.error }, "SQLite background checkpoint failed; past the safety net the server's own connection checkpoints");
  });
  worker.on("error", (error) => {
    opts.logger?.warn({ error: error.message }, "SQLite checkpoint thread stopped; checkpoints run in the server's thread from now on");
    opts.onFailure();
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      if (stopped) return exited;
      stopped = true;
      // Held while it finishes: a process whose last work is closing the database must not exit first.
      worker.ref();
      worker.postMessage("stop");
      const timeout = setTimeout(() => void worker.terminate(), 5_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
