import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "./backoff";

describe("backoffDelayMs", () => {
  const policy = { baseMs: 1000, maxMs: 30_000 };

  it("when attempts fail one after another, then the cap doubles up to the maximum", () => {
    const top = (n: number) => backoffDelayMs(n, policy, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(top)).toEqual([999, 1999, 3999, 7999, 15999, 29999, 29999, 29999]);
  });

  it("is fully jittered: anywhere from 0 to the cap", () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.25)).toBe(1000);
  });
});
