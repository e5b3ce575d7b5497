/**
 * What the vaccination wallet keeps on the phone (platform storage: Zalo's nativeStorage, or
 * localStorage under `khaibao:` in a browser). Versioned like the declaration feature's keys: a
 * new shape gets a new key, and a damaged value reads as "nothing" rather than crashing.
 */
export const VACCINATION_KEYS = {
  /** Saved certificates (the `HC1:` text and how the person named it), several people per phone. */
  wallet: "vaccination.wallet.v1",
  /** The last trust list fetched from our server, for verifying with no network. */
  trust: "vaccination.trust.v1",
} as const;
