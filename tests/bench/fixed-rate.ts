/**
 * Latency at a fixed rate, measured open loop: request i is sent at start + i / rate whatever
 * the answers before it did, and its latency counts from that scheduled instant, so time spent
 * queued behind a slow answer (in the server or in this client) is part of it.
 *
 * autocannon's `overallRate` is not that: each connection sends its share of a second back to
 * back at the top of the second and then waits, so its "1,000/s" is a burst at full speed for a
 * fraction of every second, and its coordinated-omission correction adds samples at a 1 ms
 * interval that does not exist. What a server meets at a checkpoint gateway or from Zalo's
 * webhook delivery is a steady stream, which is what this sends.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface FixedRateOptions {
  /** Full URL of the endpoint (POST). */
  url: string;
  rate: number;
  durationSec: number;
  /** Request i's headers and body. */
  request: (i: number) => { headers: Record<string, string>; body: string };
  /** Connections the client may open when answers are slow (they queue beyond that). */
  maxSockets?: number;
}

export interface FixedRateResult {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** The value below which `q` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

/** A latency of refused requests would measure the refusal path: every answer must be 2xx. */
export function checkedSteady(name: string, r: FixedRateResult): FixedRateResult {
  if (r.ok !== r.sent) throw new Error(`${name}: ${r.non2xx} non-2xx answers and ${r.errors} errors out of ${r.sent}`);
  return r;
}

export async function fixedRate(opts: FixedRateOptions): Promise<FixedRateResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 64 });
  const total = Math.round(opts.rate * opts.durationSec);
  const interval = 1000 / opts.rate;
  const latencies: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let settled = 0;
  try {
    await new Promise<void>((resolve) => {
      const finish = () => {
        settled++;
        if (settled === total) resolve();
      };
      const send = (i: number, scheduled: number) => {
        const { headers, body } = opts.request(i);
        const req = http.request(opts.url, { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - scheduled);
            if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) ok++;
            else non2xx++;
            finish();
          });
        });
        req.on("error", () => {
          errors++;
          finish();
        });
        req.end(body);
      };
      const start = performance.now() + 10;
      let next = 0;
      // Timers fire late by up to a millisecond or so: every request already due goes out at
      // once, timed from its own scheduled instant.
      const tick = () => {
        const now = performance.now();
        while (next < total && start + next * interval <= now) {
          send(next, start + next * interval);
          next++;
        }
        if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
      };
      if (total === 0) resolve();
      else tick();
    });
  } finally {
    agent.destroy();
  }
  const sorted = latencies.sort((a, b) => a - b);
  return { sent: total, ok, non2xx, errors, p50: round1(percentile(sorted, 0.5)), p90: round1(percentile(sorted, 0.9)), p99: round1(percentile(sorted, 0.99)), max: round1(sorted[sorted.length - 1] ?? Number.NaN) };
}
