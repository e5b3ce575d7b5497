import { describe, expect, it } from "vitest";
import type { Platform, PlatformStorage } from "../../../platform";
import { forgetWalletData, registerLoadedWallet } from "../forget";
import { VACCINATION_KEYS } from "./keys";
import { createStored } from "./stored";
import { cachedTrustSchema, cacheTrust, isStale, needsRefresh, TRUST_REFRESH_MS, TRUST_STALE_MS } from "./trust-cache";
import {
  addCertificate,
  entryTitle,
  MAX_CERTIFICATES,
  MAX_LABEL_LENGTH,
  removeCertificate,
  renameCertificate,
  walletSchema,
  type NewWalletEntry,
  type WalletEntry,
} from "./wallet";

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

const NOW = new Date("2026-11-28T02:00:00Z");

function cert(n: number, overrides: Partial<NewWalletEntry> = {}): NewWalletEntry {
  return {
    hc1: `HC1:NCF${n}`,
    holderName: `Người ${n}`,
    holderKey: `NGUOI|${n}|1990-01-0${n % 9 || 1}`,
    dateOfBirth: "1990-01-01",
    certificateId: `URN:UVCI:01:VN:${n}`,
    source: "lookup",
    ...overrides,
  };
}

function add(list: readonly WalletEntry[], input: NewWalletEntry, id: string): WalletEntry[] {
  const outcome = addCertificate(list, input, id, NOW);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.list;
}

describe("the wallet on the phone", () => {
  it("when a family's certificates are saved, then each is kept, newest first, and survives an app restart", () => {
    const storage = new MemoryStorage();
    const wallet = createStored(storage, VACCINATION_KEYS.wallet, walletSchema, []);
    wallet.set(add(add(add([], cert(1), "a"), cert(2), "b"), cert(3), "c"));

    const reopened = createStored(storage, VACCINATION_KEYS.wallet, walletSchema, []);
    expect(reopened.get().map((e) => [e.id, e.hc1])).toEqual([
      ["c", "HC1:NCF3"],
      ["b", "HC1:NCF2"],
      ["a", "HC1:NCF1"],
    ]);
    expect(reopened.get()[0]?.savedAt).toBe(NOW.toISOString());
  });

  it("when the same certificate, or a newer one of the same person, is saved again, then it replaces the old entry and keeps its id and name", () => {
    let list = add(add([], cert(1), "a"), cert(2), "b");
    list = renameCertificate(list, "a", "Mẹ");
    // Same person (same transliterated name and birth date), a booster's new certificate.
    const outcome = addCertificate(list, cert(1, { hc1: "HC1:NEWER", certificateId: "URN:UVCI:01:VN:99" }), "z", NOW);
    expect(outcome.ok && outcome.replaced?.id).toBe("a");
    list = outcome.ok ? outcome.list : list;
    expect(list.map((e) => [e.id, e.label, e.hc1])).toEqual([
      ["a", "Mẹ", "HC1:NEWER"],
      ["b", "", "HC1:NCF2"],
    ]);
    // Exactly the same text again: still one entry.
    expect(add(list, cert(2), "y").filter((e) => e.hc1 === "HC1:NCF2")).toHaveLength(1);
  });

  it("when the wallet is full, then a new person is refused rather than someone else's certificate dropped", () => {
    let list: WalletEntry[] = [];
    for (let i = 1; i <= MAX_CERTIFICATES; i++) list = add(list, cert(i, { holderKey: `K${i}` }), `id${i}`);
    expect(addCertificate(list, cert(100, { holderKey: "K100" }), "x", NOW)).toEqual({ ok: false, reason: "full" });
    // Replacing someone already there still works.
    expect(addCertificate(list, cert(5, { holderKey: "K5", hc1: "HC1:AGAIN" }), "x", NOW).ok).toBe(true);
  });

  it("renaming trims and caps the name; a blank name shows the holder's name again", () => {
    let list = add([], cert(1), "a");
    list = renameCertificate(list, "a", "  Bé   Na  ");
    expect(entryTitle(list[0]!)).toBe("Bé Na");
    list = renameCertificate(list, "a", "x".repeat(100));
    expect(list[0]?.label).toHaveLength(MAX_LABEL_LENGTH);
    list = renameCertificate(list, "a", "   ");
    expect(entryTitle(list[0]!)).toBe("Người 1");
  });

  it("deleting removes only that certificate", () => {
    const list = add(add([], cert(1), "a"), cert(2), "b");
    expect(removeCertificate(list, "a").map((e) => e.id)).toEqual(["b"]);
    expect(removeCertificate(list, "nope")).toHaveLength(2);
  });

  it("when what is stored is damaged, then the app opens with what can be read and never crashes", () => {
    const storage = new MemoryStorage();
    storage.set(VACCINATION_KEYS.wallet, "{not json");
    expect(createStored(storage, VACCINATION_KEYS.wallet, walletSchema, []).get()).toEqual([]);
    storage.set(VACCINATION_KEYS.wallet, JSON.stringify([{ id: "a", hc1: "not a certificate" }, { id: "b", hc1: "HC1:OK", source: "fax" }, 42]));
    const read = createStored(storage, VACCINATION_KEYS.wallet, walletSchema, []).get();
    expect(read.map((e) => [e.id, e.source, e.label])).toEqual([["b", "paste", ""]]);
  });
});

describe("forgetting the data on this phone", () => {
  it("removes the saved certificates, also from a wallet screen already open, and keeps the public trust list", () => {
    const storage = new MemoryStorage();
    const platform = { storage } as unknown as Platform;
    const wallet = createStored(storage, VACCINATION_KEYS.wallet, walletSchema, []);
    wallet.set(add([], cert(1), "a"));
    storage.set(VACCINATION_KEYS.trust, "{}");
    registerLoadedWallet(platform, { clear: () => wallet.set([]) });

    forgetWalletData(platform);
    expect(wallet.get()).toEqual([]);
    expect(createStored(storage, VACCINATION_KEYS.wallet, walletSchema, []).get()).toEqual([]);
    expect(storage.get(VACCINATION_KEYS.trust)).toBe("{}");
  });
});

describe("the cached trust list", () => {
  const list = { version: "v1", issuedAt: "2026-11-01T00:00:00Z", entries: [] };

  it("is refreshed when missing or due, not on every screen", () => {
    expect(needsRefresh(null, NOW)).toBe(true);
    const cached = cacheTrust(list, NOW);
    expect(cachedTrustSchema.parse(JSON.parse(JSON.stringify(cached)))).toEqual(cached);
    expect(needsRefresh(cached, new Date(NOW.getTime() + TRUST_REFRESH_MS - 1))).toBe(false);
    expect(needsRefresh(cached, new Date(NOW.getTime() + TRUST_REFRESH_MS))).toBe(true);
    // Fetched "in the future" (the clock was changed back): refetch.
    expect(needsRefresh(cached, new Date(NOW.getTime() - 60_000))).toBe(true);
  });

  it("is flagged stale after a week", () => {
    const cached = cacheTrust(list, NOW);
    expect(isStale(cached, new Date(NOW.getTime() + TRUST_STALE_MS - 1))).toBe(false);
    expect(isStale(cached, new Date(NOW.getTime() + TRUST_STALE_MS))).toBe(true);
  });
});
