import { describe, expect, it } from "vitest";
import { fromInt64 } from "./integers";
import { normalizeParam, sqliteParams } from "./placeholders";

describe("parameter normalisation", () => {
  it("maps booleans, dates and byte arrays the same way for both dialects", () => {
    expect(normalizeParam(true)).toBe(1);
    expect(normalizeParam(false)).toBe(0);
    expect(normalizeParam(new Date("2025-01-31T08:00:00+07:00"))).toBe("2025-01-31T01:00:00.000Z");
    const bytes = new Uint8Array([0, 1, 2, 3]).subarray(1, 3);
    expect(normalizeParam(bytes)).toEqual(Buffer.from([1, 2]));
    expect(normalizeParam(12n)).toBe(12n);
    expect(normalizeParam(null)).toBeNull();
  });

  it("throws on an invalid Date rather than storing garbage", () => {
    expect(() => normalizeParam(new Date("nope"))).toThrow(RangeError);
  });

  it("binds $1..$n for better-sqlite3 by position", () => {
    expect(sqliteParams(["a", 2, true])).toEqual({ 1: "a", 2: 2, 3: 1 });
    expect(sqliteParams(undefined)).toEqual({});
  });
});

describe("64-bit integer results", () => {
  it("are numbers when safe and exact strings otherwise", () => {
    expect(fromInt64("42")).toBe(42);
    expect(fromInt64(-7n)).toBe(-7);
    expect(fromInt64("9007199254740991")).toBe(9007199254740991);
    expect(fromInt64("9007199254740992")).toBe("9007199254740992");
    expect(fromInt64(-9223372036854775808n)).toBe("-9223372036854775808");
  });
});
