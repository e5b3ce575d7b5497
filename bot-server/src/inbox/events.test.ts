import { describe, expect, it } from "vitest";
import { createInProcessConsoleEvents, type ConsoleEvent } from "./events";

describe("in-process console events", () => {
  const event: ConsoleEvent = { type: "message", userId: "1", direction: "in", assigneeId: null };

  it("when an event is published, then every subscriber gets it until it unsubscribes", () => {
    const bus = createInProcessConsoleEvents();
    const a: ConsoleEvent[] = [];
    const b: ConsoleEvent[] = [];
    const stopA = bus.subscribe((e) => a.push(e));
    bus.subscribe((e) => b.push(e));
    bus.publish(event);
    stopA();
    bus.publish({ ...event, userId: "2" });
    expect(a.map((e) => e.userId)).toEqual(["1"]);
    expect(b.map((e) => e.userId)).toEqual(["1", "2"]);
  });

  it("when one subscriber throws, then the others still get the event and the error is reported", () => {
    const errors: unknown[] = [];
    const bus = createInProcessConsoleEvents((e) => errors.push(e));
    const got: string[] = [];
    bus.subscribe(() => {
      throw new Error("broken stream");
    });
    bus.subscribe((e) => got.push(e.userId));
    bus.publish(event);
    expect(got).toEqual(["1"]);
    expect(errors).toHaveLength(1);
  });
});
