import { describe, expect, it } from "vitest";
import { AppError } from "../http/errors";
import { createTokenBucketLimiter, enforceRateLimit } from "./rate-limit";

describe("token bucket limiter", () => {
  it("when a key spends its burst, then it waits for the refill, told how long", async () => {
    let t = 0;
    const limiter = createTokenBucketLimiter({ capacity: 3, perMinute: 6, now: () => t });
    for (let i = 0; i < 3; i++) expect(await limiter.take("u")).toEqual({ allowed: true });
    expect(await limiter.take("u")).toEqual({ allowed: false, retryAfterSeconds: 10 });
    t = 9_999;
    expect((await limiter.take("u")).allowed).toBe(false);
    t = 10_000;
    expect(await limiter.take("u")).toEqual({ allowed: true });
    expect(await limiter.take("other")).toEqual({ allowed: true });
  });

  it("when more keys than the bound are seen, then the oldest is forgotten (memory stays bounded)", async () => {
    const limiter = createTokenBucketLimiter({ capacity: 1, perMinute: 1, maxKeys: 2, now: () => 0 });
    await limiter.take("a");
    await limiter.take("b");
    await limiter.take("c"); // forgets a
    expect((await limiter.take("a")).allowed).toBe(true);
    expect((await limiter.take("c")).allowed).toBe(false);
  });

  it("when the budget is spent, then enforceRateLimit throws 429 http.rate_limited with Retry-After", async () => {
    const limiter = createTokenBucketLimiter({ capacity: 1, perMinute: 1, now: () => 0 });
    await enforceRateLimit(limiter, "k");
    const error = await enforceRateLimit(limiter, "k").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 429, code: "http.rate_limited", headers: { "Retry-After": "60" } });
  });
});
