import { describe, expect, it } from "vitest";
import { commitDeclaration } from "../commit";
import { getRuntime } from "../runtime";
import { STORAGE_KEYS } from "../storage/keys";
import { fakeApi, fakePlatform, filledForm, submitted } from "../testing";
import { forgetDeviceData } from "./forget-device-data";

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("forgetting what the phone keeps", () => {
  it("when the citizen asks, then receipts, people, the last declaration and the draft go, and a declaration still waiting to be sent stays", async () => {
    const platform = fakePlatform();
    let answer: () => Promise<unknown> = () => Promise.resolve(submitted());
    const api = fakeApi(() => answer());
    const runtime = getRuntime(platform, api);
    expect(commitDeclaration(runtime, filledForm()).ok).toBe(true);
    await settle();
    expect(runtime.receipts.get()).toHaveLength(1);
    expect(runtime.people.get()).toHaveLength(1);
    // A second declaration cannot be sent (the server is unreachable) and waits in the outbox.
    answer = () => new Promise(() => {});
    expect(commitDeclaration(runtime, filledForm()).ok).toBe(true);
    runtime.draft.start(filledForm());

    forgetDeviceData(platform, api);

    expect([runtime.receipts.get(), runtime.people.get(), runtime.last.get(), runtime.draft.get()]).toEqual([[], [], null, null]);
    for (const key of [STORAGE_KEYS.receipts, STORAGE_KEYS.people]) expect(platform.storage.get(key)).toBe("[]");
    expect(platform.storage.get(STORAGE_KEYS.last)).toBe("null");
    expect(platform.storage.get(STORAGE_KEYS.outbox)).toContain("001090123456");
    expect(runtime.outbox.getState().items).toHaveLength(1);
  });
});
