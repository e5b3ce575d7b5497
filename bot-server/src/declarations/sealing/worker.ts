// The declaration thread's entry point (bundled as dist/declaration-sealer.js). It builds the
// same field cipher and receipt signer as the server, from the same options, and seals what the
// messages bring, one reply per message. Given the SQLite file, it also stores them, each round
// of messages in one transaction on a connection of its own.
import { constants, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { createFieldCipher } from "../../privacy/field-cipher";
import { createReceiptSigner } from "../../receipts/signer";
import { isUniqueViolation } from "../../storage";
import { openSqlite } from "../../storage/sqlite";
import type { DeclarationRecord } from "../record";
import { ConsentWithdrawnConflict, DeclarationRepository } from "../repository";
import { serveRounds } from "../../threads/rounds";
import type { ThreadResult } from "../../threads/protocol";
import type { StoredOutput, ThreadItem } from "./protocol";
import { sealDeclaration, type SealOutput } from "./seal";
import type { SealerThreadOptions } from "./thread";

// The event loop answers every request and is the server's narrowest part; this thread has time
// to spare. When both want the same core, the event loop should get it: on Linux a thread's nice
// value is its own, so this lowers this thread only.
if (process.platform === "linux") setPriority(constants.priority.PRIORITY_BELOW_NORMAL);

const options = workerData as SealerThreadOptions;
const port = parentPort;
if (!port) throw new Error("the declaration sealer runs as a worker thread");

const ready = Promise.all([createFieldCipher(options.cipher), createReceiptSigner(options.signer)]);
const repository = options.sqlitePath ? new DeclarationRepository(openSqlite(options.sqlitePath, undefined, { backgroundCheckpoints: false, whenBusy: "block" })) : undefined;

const failure = (error: unknown): ThreadResult<never> => ({
  error: error instanceof Error ? error.message : String(error),
  kind: error instanceof ConsentWithdrawnConflict ? "consent_withdrawn" : isUniqueViolation(error) ? "unique" : "other",
});

serveRounds<ThreadItem, SealOutput | StoredOutput>(
  port,
  async (items) => {
    const [cipher, signer] = await ready;
    const results = items.map((item): ThreadResult<SealOutput> => {
      try {
        return { ok: sealDeclaration(cipher, signer, item.input) };
      } catch (error) {
        return failure(error);
      }
    });
    if (!repository) return results;
    await store(repository, items, results);
    // What was stored goes back as the receipt needs it: the sealed document and the hashes
    // would only cost cloning on both sides.
    return results.map((result, i) => ("ok" in result && items[i]?.store ? { ok: { receiptQr: result.ok.receiptQr } } : result));
  },
  ready,
);

/** Stores the sealed items of a round in one transaction; each refused item gets its reason. */
async function store(repo: DeclarationRepository, items: readonly ThreadItem[], results: Array<ThreadResult<SealOutput>>): Promise<void> {
  const slots: number[] = [];
  const rows: Array<{ record: DeclarationRecord; now: Date }> = [];
  items.forEach((item, i) => {
    const result = results[i];
    if (!item.store || !result || !("ok" in result)) return;
    slots.push(i);
    rows.push({ record: { ...item.store.unsealed, ...(result.ok as SealOutput) }, now: new Date(item.store.now) });
  });
  if (rows.length === 0) return;
  let outcomes: unknown[];
  try {
    outcomes = await repo.insertManyWithOutbox(rows);
  } catch {
    // The batch failed as a whole (nothing of it was stored): one by one, so one bad row
    // cannot fail the others.
    outcomes = await Promise.all(rows.map((r) => repo.insertWithOutbox(r.record, r.now).then(() => undefined, (error: unknown) => error)));
  }
  outcomes.forEach((outcome, j) => {
    if (outcome !== undefined) results[slots[j] as number] = failure(outcome);
  });
}

// Keys that cannot be loaded leave nothing to do: the thread ends with the error, and the
// server's side fails every waiting request instead of waiting forever.
ready.catch((error: unknown) => {
  throw error;
});
