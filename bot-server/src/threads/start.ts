import { Worker } from "node:worker_threads";

/**
 * Starts a worker thread whose code is `source` (a TypeScript file beside `callerUrl`) in
 * development and tests, or `bundle` (a file beside dist/main.js, see scripts/build.mjs) in
 * production, where every module's `import.meta.url` is the bundle's. The TypeScript source is
 * loaded through tsx's loader registered inside the thread: a worker does not take `--import`
 * among its execArgv.
 */
export function startWorker(callerUrl: string, files: { source: string; bundle: string }, workerData: unknown): Worker {
  if (!callerUrl.endsWith(".ts")) return new Worker(new URL(`./${files.bundle}`, callerUrl), { workerData });
  const source = new URL(files.source, callerUrl).href;
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
