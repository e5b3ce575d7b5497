/**
 * Every route of the app in one place; screens link with `getHref()` rather than strings. The
 * router is in memory (see app.tsx), so these paths never appear in the address bar, and the
 * app always opens on `home`.
 */
export const paths = {
  /** Start: the scanned checkpoint, or the list to pick from when the app opened without one. */
  home: { path: "/", getHref: () => "/" },
  checkpoints: { path: "/checkpoints", getHref: () => "/checkpoints" },
  checkpoint: {
    path: "/checkpoints/:checkpointId",
    getHref: (checkpointId: string) => `/checkpoints/${encodeURIComponent(checkpointId)}`,
  },
  /** One step of the declaration wizard (checkpoint, identity, residence, trip, health, review). */
  declareStep: {
    path: "/declare/:step",
    getHref: (step: string, options: { fromReview?: boolean } = {}) => `/declare/${step}${options.fromReview ? "?from=review" : ""}`,
  },
  /** "Khai báo lại như lần trước": the last declaration's details, today's health questions, commit. */
  redeclare: { path: "/redeclare", getHref: () => "/redeclare" },
  /** A committed declaration on its way (or waiting for the network). */
  sending: { path: "/sending/:key", getHref: (key: string) => `/sending/${encodeURIComponent(key)}` },
  /** "Phiếu của tôi": receipts kept on the phone. */
  receipts: { path: "/receipts", getHref: () => "/receipts" },
  receipt: { path: "/receipts/:code", getHref: (code: string) => `/receipts/${encodeURIComponent(code)}` },
  /** People declared for from this phone. */
  people: { path: "/people", getHref: () => "/people" },
  person: { path: "/people/:personId", getHref: (personId: string) => `/people/${encodeURIComponent(personId)}` },
  /** "Quyền riêng tư": the citizen's consents (see, withdraw) and "delete my data". */
  privacy: { path: "/privacy", getHref: () => "/privacy" },
  /** "Chứng nhận tiêm chủng": vaccination certificates kept on the phone (`?view=wallet` opens it). */
  wallet: { path: "/wallet", getHref: () => "/wallet" },
  walletLookup: { path: "/wallet/lookup", getHref: () => "/wallet/lookup" },
  walletImport: { path: "/wallet/import", getHref: () => "/wallet/import" },
  walletCertificate: {
    path: "/wallet/certificates/:certificateId",
    getHref: (certificateId: string) => `/wallet/certificates/${encodeURIComponent(certificateId)}`,
  },
} as const;

/** The id `paths.person` takes for a new person. */
export const NEW_PERSON_ID = "new";
