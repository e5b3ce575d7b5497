import type { SealInput, SealOutput } from "./seal";

/** Main thread -> sealer thread: one batch. */
export interface SealerRequest {
  batch: number;
  inputs: SealInput[];
}

/** Sealer thread -> main thread: one result per input, in order. */
export interface SealerReply {
  batch: number;
  results: Array<{ ok: SealOutput } | { error: string }>;
}
