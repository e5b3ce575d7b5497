import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { DEFAULT_SUPPORT_HOURS, describeOpening, isOpen, nextOpening, parseSupportHours } from "./hours";

const hours = parseSupportHours(DEFAULT_SUPPORT_HOURS);
/** A Vietnam wall-clock time as an instant (UTC+7). */
const vn = (iso: string) => new Date(`${iso}+07:00`);
// 2025-12-01 is a Monday.

describe("support hours", () => {
  it("are open Mon-Fri 07:30-17:00 and Sat 07:30-11:30 by default, in Vietnam time", () => {
    expect(isOpen(hours, vn("2025-12-01T07:30:00"))).toBe(true);
    expect(isOpen(hours, vn("2025-12-01T07:29:00"))).toBe(false);
    expect(isOpen(hours, vn("2025-12-05T16:59:00"))).toBe(true);
    expect(isOpen(hours, vn("2025-12-05T17:00:00"))).toBe(false);
    expect(isOpen(hours, vn("2025-12-06T11:00:00"))).toBe(true);
    expect(isOpen(hours, vn("2025-12-06T12:00:00"))).toBe(false);
    expect(isOpen(hours, vn("2025-12-07T09:00:00"))).toBe(false);
    // 01:00 UTC on Monday is 08:00 in Hanoi: open, whatever the machine's time zone.
    expect(isOpen(hours, new Date("2025-12-01T01:00:00Z"))).toBe(true);
  });

  it.each([
    ["Saturday afternoon", "2025-12-06T14:00:00", "2025-12-08T07:30:00", "07:30 sáng thứ Hai"],
    ["Sunday evening", "2025-12-07T20:00:00", "2025-12-08T07:30:00", "07:30 sáng mai"],
    ["Tuesday before dawn", "2025-12-02T05:00:00", "2025-12-02T07:30:00", "07:30 sáng nay"],
    ["Friday evening", "2025-12-05T18:00:00", "2025-12-06T07:30:00", "07:30 sáng mai"],
    ["Thursday night", "2025-12-04T23:59:00", "2025-12-05T07:30:00", "07:30 sáng mai"],
  ])("out of hours on %s, the next opening is said in Vietnamese", (_name, at, opening, said) => {
    const now = vn(at);
    const next = nextOpening(hours, now);
    expect(next?.toISOString()).toBe(vn(opening).toISOString());
    expect(describeOpening(next!, now)).toBe(said);
  });

  it("when open, the next opening is now", () => {
    const now = vn("2025-12-03T10:00:00");
    expect(nextOpening(hours, now)).toEqual(now);
  });

  it("parses ranges, lists and wrapping ranges, and an afternoon shift", () => {
    const h = parseSupportHours("sat-sun 08:00-12:00; mon,wed 13:30-20:00");
    expect(isOpen(h, vn("2025-12-07T09:00:00"))).toBe(true);
    expect(isOpen(h, vn("2025-12-03T19:00:00"))).toBe(true);
    expect(isOpen(h, vn("2025-12-02T14:00:00"))).toBe(false);
    const at = vn("2025-12-03T08:00:00");
    expect(describeOpening(nextOpening(h, at)!, at)).toBe("13:30 chiều nay");
  });

  it.each(["", "mon-fri", "mon-fri 17:00-07:30", "mo-fr 07:30-17:00", "mon 25:00-26:00"])("refuses %j", (spec) => {
    expect(() => parseSupportHours(spec)).toThrow();
  });

  it("a malformed SUPPORT_HOURS stops the configuration, naming it", () => {
    expect(() => loadConfig({ NODE_ENV: "test", SUPPORT_HOURS: "weekdays 9-5" })).toThrow(/SUPPORT_HOURS/);
    expect(loadConfig({ NODE_ENV: "test", SUPPORT_HOURS: "mon-sun 00:00-24:00" }).SUPPORT_HOURS).toBe("mon-sun 00:00-24:00");
  });
});
