import { describe, expect, it } from "vitest";
import type { CheckpointRecord } from "../checkpoints/repository";
import { cachedCheckpoints } from "./checkpoint-cache";
import { CLOSED_CHECKPOINT } from "./testing";

describe("cached checkpoints", () => {
  it("answers from memory until the TTL runs out, and never caches an unknown id", async () => {
    let t = 0;
    let reads = 0;
    let stored: CheckpointRecord | undefined = CLOSED_CHECKPOINT;
    const cache = cachedCheckpoints({ get: async () => (reads++, stored) }, { ttlMs: 1_000, clock: () => t });
    expect(await cache.get("HN-CLOSED")).toBe(CLOSED_CHECKPOINT);
    expect(await cache.get("HN-CLOSED")).toBe(CLOSED_CHECKPOINT);
    expect(reads).toBe(1);
    t = 1_000;
    stored = undefined;
    expect(await cache.get("HN-CLOSED")).toBeUndefined();
    expect(await cache.get("HN-CLOSED")).toBeUndefined();
    expect(reads).toBe(3);
  });
});
