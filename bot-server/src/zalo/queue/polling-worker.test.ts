import { describe, expect, it } from "vitest";
import { createPollingWorker } from "./polling-worker";

describe("polling worker", () => {
  it("when a long backlog is handled, then other work (HTTP) gets the event loop between rounds", async () => {
    const total = 5_000;
    let claimed = 0;
    let handled = 0;
    const worker = createPollingWorker<number>({
      // Everything due at once and handled without I/O: the worst case for starving the loop.
      claim: async (limit) => {
        const n = Math.min(limit, total - claimed);
        claimed += n;
        return Array.from({ length: n }, (_, i) => claimed - n + i);
      },
      handle: async () => {
        handled++;
      },
      concurrency: 8,
      pollMs: 60_000,
    });
    let handledWhenIoRan: number | undefined;
    setImmediate(() => (handledWhenIoRan = handled));
    worker.start();
    worker.wake();
    while (handled < total) await new Promise((r) => setImmediate(r));
    await worker.stop();
    expect(handled).toBe(total);
    // The macrotask queued before the worker started ran long before the backlog was done.
    expect(handledWhenIoRan).toBeDefined();
    expect(handledWhenIoRan).toBeLessThan(total / 10);
  });
});
