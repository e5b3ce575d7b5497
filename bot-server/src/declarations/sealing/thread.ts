import type { FieldCipherOptions } from "../../privacy/field-cipher";
import type { ReceiptSignerOptions } from "../../receipts/signer";
import { UniqueConflict } from "../../storage";
import { batchedThread } from "../../threads/client";
import { startWorker } from "../../threads/start";
import { ConsentWithdrawnConflict } from "../repository";
import type { StoredOutput, ThreadItem, UnsealedDeclaration } from "./protocol";
import type { AcceptedDeclaration, DeclarationSealer, DeclarationWriter, SealInput, SealOutput } from "./seal";

export interface SealerThreadOptions {
  /** The same options the server's own cipher and signer were made with (keys or dev key files). */
  cipher: FieldCipherOptions;
  signer: ReceiptSignerOptions;
  /** The server's SQLite file: given, the thread also stores what it sealed (`startDeclarationThread`). */
  sqlitePath?: string | undefined;
}

/**
 * Most declarations per message. Smaller batches come back sooner, so the event loop answers
 * the first ones while the thread works on the rest; 8 gave ~6 % more throughput than whole
 * event-loop turns (~30 at a time) in the accept benchmark, 16 about half of that.
 */
const MAX_BATCH = 8;

/**
 * A thread for the declarations' crypto (and, with a SQLite file, their storage). Accepting a
 * declaration spent most of its event-loop time on an Ed25519 signature, AES-GCM, two keyed
 * hashes and its share of a SQLite transaction, while the machine's other core sat idle.
 *
 * If the thread dies, the declarations it had in hand fail. What it had not committed is rolled
 * back; what it had committed stays, and the mini app's retry with the same idempotency key gets
 * that receipt. Nothing is lost or stored twice. The next call starts a new thread.
 */
function startThread<Out>(options: SealerThreadOptions, revive?: (out: Out) => Out) {
  return batchedThread<ThreadItem, Out>({
    start: () => startWorker(import.meta.url, { source: "./worker.ts", bundle: "declaration-sealer.js" }, options),
    maxBatch: MAX_BATCH,
    // The conflicts the repository would have thrown on this thread.
    errorOf: (failure) =>
      failure.kind === "unique" ? new UniqueConflict("declaration") : failure.kind === "consent_withdrawn" ? new ConsentWithdrawnConflict() : new Error(`declaration sealing failed: ${failure.error}`),
    ...(revive ? { revive } : {}),
  });
}

/** Seals, fingerprints and signs on a thread of its own; storing stays with the caller. */
export function startSealerThread(options: Omit<SealerThreadOptions, "sqlitePath">): DeclarationSealer {
  // A Buffer arrives as a plain Uint8Array: give it its Buffer view back (no copy).
  const thread = startThread<SealOutput>(options, (out) => ({ ...out, sealed: Buffer.from(out.sealed.buffer, out.sealed.byteOffset, out.sealed.byteLength) }));
  return { seal: (input) => thread.call({ input }), close: () => thread.close() };
}

/**
 * Seals and stores on a thread of its own, with its own connection to the server's SQLite file:
 * the round's transaction (declarations, outbox rows, consents) runs there too. SQLite only; a
 * PostgreSQL server stores on its pool (`startSealerThread` with the group-commit inserter).
 */
export function startDeclarationThread(options: SealerThreadOptions & { sqlitePath: string }): DeclarationWriter {
  const thread = startThread<StoredOutput>(options);
  return {
    async write(unsealed: UnsealedDeclaration, input: SealInput, now: Date): Promise<AcceptedDeclaration> {
      const { receiptQr } = await thread.call({ input, store: { unsealed, now: now.toISOString() } });
      return { ...unsealed, receiptQr };
    },
    close: () => thread.close(),
  };
}
