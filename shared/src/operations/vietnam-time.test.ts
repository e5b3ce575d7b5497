import { describe, expect, it } from "vitest";
import { addDays, vietnamDay, vietnamDayStart, vietnamHour } from "./vietnam-time";

describe("Vietnam days and hours", () => {
  it("when it is 23:59 or 00:00 in Hanoi, then the day is Hanoi's, not UTC's", () => {
    expect(vietnamDay(new Date("2026-11-27T16:59:59.999Z"))).toBe("2026-11-27");
    expect(vietnamDay(new Date("2026-11-27T17:00:00.000Z"))).toBe("2026-11-28");
    expect(vietnamHour(new Date("2026-11-27T17:00:00.000Z"))).toBe(0);
    expect(vietnamHour(new Date("2026-11-28T03:30:00.000Z"))).toBe(10);
  });

  it("when a day starts, then it is 17:00 UTC the day before, and days add across months and years", () => {
    expect(vietnamDayStart("2026-11-28").toISOString()).toBe("2026-11-27T17:00:00.000Z");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
