// The sealer thread's entry point (bundled as dist/declaration-sealer.js). It builds the same
// field cipher and receipt signer as the server, from the same options, and seals whole batches:
// one message in, one message out, whatever the batch size.
import { parentPort, workerData } from "node:worker_threads";
import { createFieldCipher, type FieldCipherOptions } from "../../privacy/field-cipher";
import { createReceiptSigner, type ReceiptSignerOptions } from "../../receipts/signer";
import { sealDeclaration, type SealInput } from "./seal";
import type { SealerReply, SealerRequest } from "./protocol";

const options = workerData as { cipher: FieldCipherOptions; signer: ReceiptSignerOptions };
const port = parentPort;
if (!port) throw new Error("the declaration sealer runs as a worker thread");

const ready = Promise.all([createFieldCipher(options.cipher), createReceiptSigner(options.signer)]);
// Messages that arrive while the keys load wait for them, in order.
let queue: Promise<unknown> = ready;

port.on("message", (request: SealerRequest) => {
  queue = queue.then(async () => {
    const [cipher, signer] = await ready;
    const results = request.inputs.map((input: SealInput) => {
      try {
        return { ok: sealDeclaration(cipher, signer, input) };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    });
    port.postMessage({ batch: request.batch, results } satisfies SealerReply);
  });
});

// Keys that cannot be loaded leave nothing to do: the thread ends with the error, and the
// server's side fails every waiting request instead of waiting forever.
ready.catch((error: unknown) => {
  throw error;
});
