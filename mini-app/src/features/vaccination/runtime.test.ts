import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { TrustList } from "@khaibao/shared";
import type { ApiClient } from "../../lib/api-client";
import type { Platform, PlatformStorage } from "../../platform";
import { createVaccinationRuntime } from "./runtime";
import { VACCINATION_KEYS } from "./storage/keys";
import { TRUST_REFRESH_MS } from "./storage/trust-cache";

class MemoryStorage implements PlatformStorage {
  readonly data = new Map<string, string>();
  get(key: string) {
    return this.data.get(key) ?? null;
  }
  set(key: string, value: string) {
    this.data.set(key, value);
  }
  remove(key: string) {
    this.data.delete(key);
  }
}

const LIST: TrustList = { version: "v1", issuedAt: "2026-11-28T00:00:00Z", entries: [] };

function setup(options: { online?: boolean; answer?: () => Promise<unknown> } = {}) {
  const storage = new MemoryStorage();
  let online = options.online ?? true;
  const calls: string[] = [];
  const api: ApiClient = {
    request<S extends z.ZodType>(path: string, schema: S) {
      calls.push(path);
      return (options.answer ?? (() => Promise.resolve(LIST)))().then((body) => schema.parse(body) as z.output<S>);
    },
  };
  const platform = { storage, isOnline: () => online } as unknown as Platform;
  let now = new Date("2026-11-28T02:00:00Z");
  const make = () => createVaccinationRuntime(platform, api, () => now);
  return {
    storage,
    calls,
    make,
    goOffline: () => (online = false),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

describe("the wallet's trust list on the phone", () => {
  it("when online and none is cached, then it is fetched and kept for the next (offline) start", async () => {
    const t = setup();
    const runtime = t.make();
    await runtime.refreshTrust();
    expect(t.calls).toEqual(["/api/vaccination/trust-list"]);
    expect(runtime.trust.get()?.list.version).toBe("v1");
    t.goOffline();
    expect(t.make().trust.get()).toEqual({ list: LIST, fetchedAt: "2026-11-28T02:00:00.000Z" });
  });

  it("when it was fetched recently, then it is not fetched again until due, unless asked", async () => {
    const t = setup();
    const runtime = t.make();
    await runtime.refreshTrust();
    await runtime.refreshTrust();
    expect(t.calls).toHaveLength(1);
    await runtime.refreshTrust({ force: true });
    expect(t.calls).toHaveLength(2);
    t.advance(TRUST_REFRESH_MS);
    await runtime.refreshTrust();
    expect(t.calls).toHaveLength(3);
  });

  it("when offline, then nothing is asked; when the server fails, then the cached list stays and the failure is shown", async () => {
    const offline = setup({ online: false });
    await offline.make().refreshTrust({ force: true });
    expect(offline.calls).toEqual([]);

    const failing = setup({ answer: () => Promise.reject(new Error("502")) });
    failing.storage.set(VACCINATION_KEYS.trust, JSON.stringify({ list: LIST, fetchedAt: "2026-11-01T00:00:00.000Z" }));
    const runtime = failing.make();
    await runtime.refreshTrust();
    expect(runtime.refresh.get()).toBe("failed");
    expect(runtime.trust.get()?.fetchedAt).toBe("2026-11-01T00:00:00.000Z");
  });

  it("with no trust list yet, a certificate is 'not checked', never 'not genuine'", async () => {
    const runtime = setup({ online: false }).make();
    expect(await runtime.verify("HC1:ANYTHING")).toBeNull();
  });
});
