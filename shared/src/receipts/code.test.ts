import { describe, expect, it } from "vitest";
import { formatReceiptCode, generateReceiptCode } from "./code";

/** A byte source replaying the given 5-byte draws. */
function replay(...draws: number[][]): (n: number) => Uint8Array {
  let i = 0;
  return (n) => {
    const draw = draws[i++];
    if (!draw || draw.length !== n) throw new Error("unexpected draw");
    return Uint8Array.from(draw);
  };
}

describe("receipt codes", () => {
  it("when a code is formatted, then it is grouped by 4", () => {
    expect(formatReceiptCode("4821773019")).toBe("4821 7730 19");
    expect(formatReceiptCode("0000000001")).toBe("0000 0000 01");
  });

  it("when the draw is small, then the code keeps its leading zeros", () => {
    expect(generateReceiptCode(replay([0, 0, 0, 0, 42]))).toBe("0000000042");
  });

  it("when a draw falls in the biased top of the range, then it is rejected and another is drawn", () => {
    // 0xFFFFFFFFFF > 109 * 10^10: rejected. 0x0100000000 = 4294967296: taken.
    expect(generateReceiptCode(replay([255, 255, 255, 255, 255], [1, 0, 0, 0, 0]))).toBe("4294967296");
  });

  it("when the largest accepted draw is used, then the code is 9999999999", () => {
    const n = 109 * 10 ** 10 - 1;
    const bytes = [Math.floor(n / 2 ** 32), ...[24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) & 0xff)];
    expect(generateReceiptCode(replay(bytes))).toBe("9999999999");
  });

  it("when the source never gives a usable draw, then it fails instead of looping", () => {
    expect(() => generateReceiptCode(() => Uint8Array.of(255, 255, 255, 255, 255))).toThrow(/random/);
  });

  it("when real randomness is used, then codes are 10 digits and each digit position varies", () => {
    const codes = Array.from({ length: 2000 }, () => generateReceiptCode((n) => globalThis.crypto.getRandomValues(new Uint8Array(n))));
    for (const c of codes) expect(c).toMatch(/^\d{10}$/);
    for (let pos = 0; pos < 10; pos++) expect(new Set(codes.map((c) => c[pos])).size).toBe(10);
  });
});
