/**
 * `fixedRate` run by a fresh Node process, its requests made beforehand. Latencies are taken by
 * the client, so the client's own pauses land in them: in the bench's long-lived process, whose
 * heap holds what earlier benches left and which signed each request as it went, the bare
 * baseline's p99 read 11-13 ms where the same load from a fresh process reads ~5 ms. A process
 * that only sends prepared bytes measures the server.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FixedRateOptions, FixedRateResult } from "./fixed-rate";

const CHILD = fileURLToPath(new URL("./fixed-rate-child.ts", import.meta.url));

export async function fixedRateInProcess(opts: FixedRateOptions): Promise<FixedRateResult> {
  const total = Math.round(opts.rate * opts.durationSec);
  const { request, ...options } = opts;
  const requests = Array.from({ length: total }, (_, i) => request(i));
  const dir = mkdtempSync(path.join(tmpdir(), "khaibao-fixed-rate-"));
  const file = path.join(dir, "load.json");
  try {
    writeFileSync(file, JSON.stringify({ ...options, requests }));
    return await new Promise<FixedRateResult>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", CHILD, file], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let err = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      child.on("error", reject);
      child.on("exit", (code) => {
        if (code !== 0) return reject(new Error(`the fixed-rate load process failed (${code}): ${err.slice(-2000)}`));
        try {
          resolve(JSON.parse(out) as FixedRateResult);
        } catch {
          reject(new Error(`the fixed-rate load process printed no result: ${out.slice(0, 200)} ${err.slice(-500)}`));
        }
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
