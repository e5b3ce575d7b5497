import type { MessagePort } from "node:worker_threads";
import type { BatchReply, BatchRequest, ThreadResult } from "./protocol";

/**
 * The worker thread's side: batches that arrive while a round is being handled gather for the
 * next round, handled as one (`handle` gets all their items, e.g. for one transaction): small
 * rounds when the thread is idle, bigger ones under load. One reply per batch, in order.
 * `ready` (keys loading, say) is waited for before the first round.
 */
export function serveRounds<In, Out>(port: MessagePort, handle: (items: In[]) => Promise<Array<ThreadResult<Out>>>, ready: Promise<unknown> = Promise.resolve()): void {
  let waiting: Array<BatchRequest<In>> = [];
  let working = false;

  async function work(): Promise<void> {
    working = true;
    await ready;
    // Let every message already queued on the port arrive before the round starts.
    await new Promise((resolve) => setImmediate(resolve));
    while (waiting.length > 0) {
      const round = waiting;
      waiting = [];
      const results = await handle(round.flatMap((r) => r.items));
      let at = 0;
      for (const request of round) {
        port.postMessage({ batch: request.batch, results: results.slice(at, at + request.items.length) } satisfies BatchReply<Out>);
        at += request.items.length;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    working = false;
  }

  port.on("message", (request: BatchRequest<In>) => {
    waiting.push(request);
    if (!working) void work();
  });
}
