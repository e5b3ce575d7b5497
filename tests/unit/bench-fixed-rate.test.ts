import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkedSteady, fixedRate, percentile } from "../bench/fixed-rate";
import { fixedRateInProcess } from "../bench/fixed-rate-process";

describe("the benchmarks' fixed-rate load (open loop)", () => {
  let server: http.Server;
  let url: string;
  let arrivals: number[] = [];
  let stallAt = -1;
  let seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const n = Number(req.headers["x-n"]);
      arrivals.push(performance.now());
      seen.push(String(req.headers["x-n"]));
      // One request stops the server for 200 ms, as a long pause would.
      if (n === stallAt) {
        const until = performance.now() + 200;
        while (performance.now() < until);
      }
      req.resume();
      req.on("end", () => res.writeHead(n % 50 === 7 ? 500 : 200).end("ok"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("spreads the requests over the whole run instead of sending a second's share at once, and counts the answers", async () => {
    arrivals = [];
    stallAt = -1;
    const r = await fixedRate({ url, rate: 200, durationSec: 1, request: (i) => ({ headers: { "x-n": String(i) }, body: "{}" }) });
    expect(r).toMatchObject({ sent: 200, ok: 196, non2xx: 4, errors: 0 });
    // A figure made of refused requests is refused.
    expect(() => checkedSteady("load", r)).toThrow("load: 4 non-2xx answers and 0 errors out of 200");
    const first = arrivals[0] as number;
    // Evenly paced, ~20 arrive in the first 100 ms; a bursty client would send all 200.
    expect(arrivals.filter((t) => t - first < 100).length).toBeLessThan(100);
    expect((arrivals[arrivals.length - 1] as number) - first).toBeGreaterThan(800);
  });

  it("times each request from when it was due, so a stall shows in the latency of everything queued behind it", async () => {
    arrivals = [];
    stallAt = 50;
    const r = await fixedRate({ url, rate: 200, durationSec: 1, request: (i) => ({ headers: { "x-n": String(i) }, body: "{}" }) });
    expect(r.max).toBeGreaterThanOrEqual(190);
    // ~40 requests fell due during the 200 ms stall: more than 1 % of 200.
    expect(r.p99).toBeGreaterThan(100);
  });

  it("sends the same load from a process of its own, each prepared request once", async () => {
    arrivals = [];
    stallAt = 30;
    seen = [];
    const r = await fixedRateInProcess({ url, rate: 100, durationSec: 1, request: (i) => ({ headers: { "x-n": String(i) }, body: "{}" }) });
    expect(r).toMatchObject({ sent: 100, ok: 98, non2xx: 2, errors: 0 });
    // Each once (sockets opened during the stall may be read in another order).
    expect(seen.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // The stall is the server's, measured by the other process all the same.
    expect(r.max).toBeGreaterThanOrEqual(190);
  }, 30_000);

  it("takes percentiles by nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 0.5), percentile(sorted, 0.99), percentile(sorted, 1)]).toEqual([50, 99, 100]);
    expect(percentile([7], 0.99)).toBe(7);
  });
});
