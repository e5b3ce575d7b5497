import type { DeclarationRecord } from "../record";
import type { SealInput, SealOutput } from "./seal";

/** A declaration record before sealing: everything but what the sealer adds. */
export type UnsealedDeclaration = Omit<DeclarationRecord, keyof SealOutput>;

/** One declaration to seal and, on a thread that owns a database connection, to store. */
export interface ThreadItem {
  input: SealInput;
  store?: { unsealed: UnsealedDeclaration; now: string };
}

/** Main thread -> declaration thread: one batch. */
export interface ThreadRequest {
  batch: number;
  items: ThreadItem[];
}

/** Why an item was refused; `unique` and `consent_withdrawn` are the repository's conflicts. */
export type ThreadFailure = { error: string; kind: "unique" | "consent_withdrawn" | "other" };

/** Declaration thread -> main thread: one result per item, in order. */
export interface ThreadReply {
  batch: number;
  results: Array<{ ok: SealOutput } | ThreadFailure>;
}
