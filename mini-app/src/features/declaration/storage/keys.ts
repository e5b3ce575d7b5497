/**
 * Everything the declaration feature keeps on the phone (platform storage: Zalo's nativeStorage,
 * or localStorage under `khaibao:` in a browser). Versioned: a new shape gets a new key, and an
 * old or damaged value is read as "nothing" rather than crashing the app.
 */
export const STORAGE_KEYS = {
  /** The declaration being filled in, with its step; cleared once its receipt arrives. */
  draft: "declaration.draft.v1",
  /** The last declaration sent from this phone, for "Khai báo lại": never health answers or test results. */
  last: "declaration.last.v1",
  /** People declared for from this phone (self, a child, a parent): identity, residence, doses. */
  people: "declaration.people.v1",
  /** Declarations waiting for the network, each with its idempotency key. */
  outbox: "declaration.outbox.v1",
  /** Receipts received, most recent first, shown offline. */
  receipts: "receipts.history.v1",
  /** Ward lists fetched per province, so the residence step works on a flaky connection. */
  wards: "admin-units.wards.v1",
} as const;
