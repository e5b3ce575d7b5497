import { describe, expect, it } from "vitest";
import { parseJsonKeepingBigIntegers } from "./safe-json";

describe("parseJsonKeepingBigIntegers", () => {
  it("when an id is beyond 2^53, then it comes back as its exact decimal string", () => {
    expect(parseJsonKeepingBigIntegers('{"id":2468458835296197922,"error":0}')).toEqual({ id: "2468458835296197922", error: 0 });
    // What plain JSON.parse does to it:
    expect(String(JSON.parse('{"id":2468458835296197922}').id)).not.toBe("2468458835296197922");
  });

  it("when numbers are small, fractional or inside strings, then they are left alone", () => {
    expect(parseJsonKeepingBigIntegers('{"a":-201,"b":1.5e3,"c":"9999999999999999999","d":"say \\"12345678901234567890\\"","e":[9007199254740993, 1]}')).toEqual({
      a: -201,
      b: 1500,
      c: "9999999999999999999",
      d: 'say "12345678901234567890"',
      e: ["9007199254740993", 1],
    });
  });
});
