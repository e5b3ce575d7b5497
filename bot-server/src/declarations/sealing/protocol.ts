import type { DeclarationRecord } from "../record";
import type { SealInput, SealOutput } from "./seal";

/** A declaration record before sealing: everything but what the sealer adds. */
export type UnsealedDeclaration = Omit<DeclarationRecord, keyof SealOutput>;

/** What the thread answers for a declaration it stored (`AcceptedDeclaration` is made of it). */
export type StoredOutput = Pick<SealOutput, "receiptQr">;

/** One declaration to seal and, on a thread that owns a database connection, to store. */
export interface ThreadItem {
  input: SealInput;
  store?: { unsealed: UnsealedDeclaration; now: string };
}
