// The declaration thread's entry point (bundled as dist/declaration-sealer.js). It builds the
// same field cipher and receipt signer as the server, from the same options, and seals whole
// batches: one message in, one message out. Given the SQLite file, it also stores each batch, in
// one transaction on a connection of its own.
import { parentPort, workerData } from "node:worker_threads";
import { createFieldCipher } from "../../privacy/field-cipher";
import { createReceiptSigner } from "../../receipts/signer";
import { isUniqueViolation } from "../../storage";
import { openSqlite } from "../../storage/sqlite";
import type { DeclarationRecord } from "../record";
import { ConsentWithdrawnConflict, DeclarationRepository } from "../repository";
import type { ThreadFailure, ThreadReply, ThreadRequest } from "./protocol";
import { sealDeclaration, type SealOutput } from "./seal";
import type { SealerThreadOptions } from "./thread";

const options = workerData as SealerThreadOptions;
const port = parentPort;
if (!port) throw new Error("the declaration sealer runs as a worker thread");

const ready = Promise.all([createFieldCipher(options.cipher), createReceiptSigner(options.signer)]);
const repository = options.sqlitePath ? new DeclarationRepository(openSqlite(options.sqlitePath, undefined, { backgroundCheckpoints: false, whenBusy: "block" })) : undefined;
// Messages that arrive while the keys load wait for them, in order.
let queue: Promise<unknown> = ready;

const failure = (error: unknown): ThreadFailure => ({
  error: error instanceof Error ? error.message : String(error),
  kind: error instanceof ConsentWithdrawnConflict ? "consent_withdrawn" : isUniqueViolation(error) ? "unique" : "other",
});

port.on("message", (request: ThreadRequest) => {
  queue = queue.then(async () => {
    const [cipher, signer] = await ready;
    const results: ThreadReply["results"] = request.items.map((item) => {
      try {
        return { ok: sealDeclaration(cipher, signer, item.input) };
      } catch (error) {
        return failure(error);
      }
    });
    if (repository) await store(repository, request, results);
    port.postMessage({ batch: request.batch, results } satisfies ThreadReply);
  });
});

/** Stores the sealed items of a batch in one transaction; each refused item gets its reason. */
async function store(repo: DeclarationRepository, request: ThreadRequest, results: ThreadReply["results"]): Promise<void> {
  const slots: number[] = [];
  const rows: Array<{ record: DeclarationRecord; now: Date }> = [];
  request.items.forEach((item, i) => {
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
