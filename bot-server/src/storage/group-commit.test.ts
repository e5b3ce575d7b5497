import { describe, expect, it } from "vitest";
import { createGroupCommit, outcomesFromErrors, type ItemOutcome } from "./group-commit";

describe("group commit", () => {
  it("writes items submitted together in one batch and gives each caller its own value", async () => {
    const batches: number[][] = [];
    const write = createGroupCommit<number, string>({
      writeMany: async (items) => (batches.push(items), items.map((n) => ({ value: `#${n}` }))),
      writeOne: async (n) => (batches.push([n]), `one ${n}`),
    });
    expect(await Promise.all([1, 2, 3].map(write))).toEqual(["#1", "#2", "#3"]);
    expect(batches).toEqual([[1, 2, 3]]);
    // Alone, an item goes through writeOne.
    expect(await write(9)).toBe("one 9");
  });

  it("rejects only the item whose outcome is an error", async () => {
    const write = createGroupCommit<number, number>({
      writeMany: async (items) => items.map((n): ItemOutcome<number> => (n === 2 ? { error: new Error("taken") } : { value: n * 10 })),
      writeOne: async (n) => n,
    });
    const results = await Promise.allSettled([1, 2, 3].map(write));
    expect(results).toEqual([
      { status: "fulfilled", value: 10 },
      { status: "rejected", reason: new Error("taken") },
      { status: "fulfilled", value: 30 },
    ]);
  });

  it("when a whole batch fails, retries its items one by one", async () => {
    const write = createGroupCommit<number, number>({
      writeMany: async () => {
        throw new Error("batch refused");
      },
      writeOne: async (n) => {
        if (n === 2) throw new Error("bad item");
        return n;
      },
    });
    const results = await Promise.allSettled([1, 2, 3].map(write));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("splits at maxBatch and keeps at most maxInFlight batches writing, the rest gathering", async () => {
    const sizes: number[] = [];
    let writing = 0;
    let most = 0;
    const write = createGroupCommit<number>({
      maxBatch: 4,
      maxInFlight: 1,
      writeMany: async (items) => {
        sizes.push(items.length);
        most = Math.max(most, ++writing);
        await new Promise((r) => setTimeout(r, 5));
        writing--;
        return outcomesFromErrors(items.map(() => undefined));
      },
      writeOne: async () => {
        sizes.push(1);
      },
    });
    await Promise.all(Array.from({ length: 10 }, (_, i) => write(i)));
    expect(sizes).toEqual([4, 4, 2]);
    expect(most).toBe(1);
  });

  it("a writeMany that returns too few outcomes rejects the uncovered items instead of leaving them hanging", async () => {
    const write = createGroupCommit<number, number>({ writeMany: async () => [{ value: 1 }], writeOne: async (n) => n });
    const results = await Promise.allSettled([1, 2].map(write));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
  });
});
