import { describe, expect, it } from "vitest";
import { ZaloGraphError } from "./errors";
import type { ZaloGraph } from "./graph-client";
import { withMeCache } from "./me-cache";

function countingGraph(fail = new Set<string>()) {
  const calls: string[] = [];
  const graph: ZaloGraph = {
    async me(token) {
      calls.push(token);
      await Promise.resolve();
      if (fail.has(token)) throw new ZaloGraphError("token_invalid");
      return { id: token.replace("t", "1"), name: null };
    },
    phoneNumber: async () => "+84912345678",
  };
  return { graph, calls };
}

describe("withMeCache", () => {
  it("when a burst of requests carries one token, then Zalo is asked once", async () => {
    const { graph, calls } = countingGraph();
    const cached = withMeCache(graph);
    const users = await Promise.all(Array.from({ length: 10 }, () => cached.me("t23")));
    await cached.me("t23");
    expect(users.every((u) => u.id === "123")).toBe(true);
    expect(calls).toEqual(["t23"]);
  });

  it("when the entry is older than the TTL, then Zalo is asked again", async () => {
    let t = 0;
    const { graph, calls } = countingGraph();
    const cached = withMeCache(graph, { ttlMs: 1000, now: () => t });
    await cached.me("t1");
    t = 999;
    await cached.me("t1");
    t = 1000;
    await cached.me("t1");
    expect(calls).toEqual(["t1", "t1"]);
  });

  it("when a lookup fails, then the failure is not remembered", async () => {
    const failing = new Set(["tx"]);
    const { graph, calls } = countingGraph(failing);
    const cached = withMeCache(graph);
    await expect(cached.me("tx")).rejects.toBeInstanceOf(ZaloGraphError);
    failing.clear();
    await expect(cached.me("tx")).resolves.toMatchObject({ id: "1x" });
    expect(calls).toEqual(["tx", "tx"]);
  });

  it("when more tokens than the bound are seen, then the least recently used is forgotten", async () => {
    const { graph, calls } = countingGraph();
    const cached = withMeCache(graph, { max: 2 });
    await cached.me("ta");
    await cached.me("tb");
    await cached.me("ta"); // a is now the most recent
    await cached.me("tc"); // evicts b
    await cached.me("ta");
    await cached.me("tb");
    expect(calls).toEqual(["ta", "tb", "tc", "tb"]);
  });
});
