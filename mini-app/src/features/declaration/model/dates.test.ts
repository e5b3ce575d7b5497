import { describe, expect, it } from "vitest";
import { formatDateTime, localInputToIso, toIsoWithOffset, toLocalInput } from "./dates";

describe("times in the phone's time zone", () => {
  it("when a datetime-local value is sent, then it carries the phone's offset and means the same instant", () => {
    const iso = localInputToIso("2026-11-28T08:30");
    expect(iso).toMatch(/^2026-11-28T08:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(iso ?? "").getTime()).toBe(new Date(2026, 10, 28, 8, 30).getTime());
  });

  it("when empty, then undefined (the schema says required); when unreadable, then passed on (the schema says invalid)", () => {
    expect(localInputToIso("")).toBeUndefined();
    expect(localInputToIso("hôm qua")).toBe("hôm qua");
    expect(localInputToIso("2026-02-30T08:00")).toBe("2026-02-30T08:00");
  });

  it("round-trips now through the input's format", () => {
    const now = new Date(2026, 10, 28, 7, 5, 9);
    expect(toLocalInput(now)).toBe("2026-11-28T07:05");
    expect(new Date(toIsoWithOffset(now)).getTime()).toBe(now.getTime());
    expect(formatDateTime(now)).toBe("07:05 28/11/2026");
  });
});
