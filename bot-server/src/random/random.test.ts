import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pooledRandomBytes } from "./pool";
import { timeOrderedId } from "./time-ordered-id";

describe("pooledRandomBytes", () => {
  it("never hands out the same bytes twice, across pool refills, and earlier results stay unchanged", () => {
    const first = pooledRandomBytes(16);
    const kept = Buffer.from(first);
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) seen.add(pooledRandomBytes(12).toString("hex"));
    expect(seen.size).toBe(2_000);
    expect(first.equals(kept)).toBe(true);
  });

  it("gives bytes that look random (every byte value appears, no long runs of zeros)", () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 1_000; i++) for (const b of pooledRandomBytes(64)) counts[b]! += 1;
    // 64,000 bytes: each value expected 250 times; a broken source (zeros, a counter) fails this.
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeLessThan(350);
  });

  it("serves large requests directly", () => {
    expect(pooledRandomBytes(5_000)).toHaveLength(5_000);
  });
});

describe("timeOrderedId", () => {
  it("is a version 7 RFC 9562 UUID carrying the time in its first 48 bits", () => {
    const at = Date.UTC(2026, 10, 28, 9, 0, 0, 123);
    const id = timeOrderedId(at);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts by time as text (what the index sees), and ids of one millisecond still differ", () => {
    const t = Date.now();
    const ids = [timeOrderedId(t + 2), timeOrderedId(t), timeOrderedId(t + 1), timeOrderedId(t + 1_000_000)];
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0], ids[3]]);
    const same = new Set(Array.from({ length: 1_000 }, () => timeOrderedId(t)));
    expect(same.size).toBe(1_000);
  });
});
