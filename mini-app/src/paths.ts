/**
 * Every route of the app in one place; screens link with `getHref()` rather than strings. The
 * router is in memory (see app.tsx), so these paths never appear in the address bar.
 */
export const paths = {
  /** Start: the scanned checkpoint, or the list to pick from when the app opened without one. */
  home: { path: "/", getHref: () => "/" },
  checkpoints: { path: "/checkpoints", getHref: () => "/checkpoints" },
  checkpoint: {
    path: "/checkpoints/:checkpointId",
    getHref: (checkpointId: string) => `/checkpoints/${encodeURIComponent(checkpointId)}`,
  },
  declare: {
    path: "/declare",
    getHref: (checkpointId: string) => `/declare?checkpoint=${encodeURIComponent(checkpointId)}`,
  },
} as const;
