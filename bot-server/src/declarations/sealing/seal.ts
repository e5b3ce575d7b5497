import type { ReceiptClaims } from "@khaibao/shared";
import type { FieldCipher } from "../../privacy/types";
import type { ReceiptSigner } from "../../receipts/types";
import type { DeclarationRecord } from "../record";
import type { UnsealedDeclaration } from "./protocol";
import { declarationFingerprint } from "../request-hash";

/** What a new declaration needs sealed, hashed and signed before it is stored. */
export interface SealInput {
  /** The declaration as JSON of the shared schema's output (see `declarationFingerprint`). */
  json: string;
  clientSubmittedAt: string | null;
  idNumber: string;
  claims: ReceiptClaims;
}

export interface SealOutput {
  /** Versioned keyed fingerprint of `json`. */
  requestHash: string;
  /** Blind index of the ID number. */
  idNumberIndex: string;
  /** `SealedDeclaration` as JSON, sealed with the current data key. */
  sealed: Buffer;
  sealedKeyId: string;
  /** The signed receipt text for the QR code. */
  receiptQr: string;
}

/**
 * The cryptographic part of accepting a declaration, where it is done: in the request's own
 * thread (`inlineSealer`) or, in the server, on a thread of its own for whole batches
 * (`startSealerThread`). Both give the same results for the same keys.
 */
export interface DeclarationSealer {
  seal(input: SealInput): Promise<SealOutput>;
  close(): Promise<void>;
}

export function sealDeclaration(cipher: FieldCipher, signer: ReceiptSigner, input: SealInput): SealOutput {
  return {
    requestHash: declarationFingerprint(cipher, input.json),
    idNumberIndex: cipher.blindIndex("id", input.idNumber),
    // The JSON of `SealedDeclaration`, reusing the text already made for the fingerprint.
    sealed: cipher.seal(`{"declaration":${input.json},"clientSubmittedAt":${JSON.stringify(input.clientSubmittedAt)}}`),
    sealedKeyId: cipher.currentKeyId,
    receiptQr: signer.sign(input.claims),
  };
}

/** Seals on the caller's thread: tests, tools, and anything that accepts declarations rarely. */
export function inlineSealer(cipher: FieldCipher, signer: ReceiptSigner): DeclarationSealer {
  return {
    seal: async (input) => sealDeclaration(cipher, signer, input),
    close: async () => {},
  };
}

/**
 * A stored declaration as its receipt shows it. The sealed document and the keyed hashes stay
 * where they were stored: the declaration thread does not send them back.
 */
export type AcceptedDeclaration = UnsealedDeclaration & Pick<SealOutput, "receiptQr">;

/** Seals a new declaration and stores it with its outbox row. Throws like `insertWithOutbox`. */
export interface DeclarationWriter {
  write(unsealed: UnsealedDeclaration, input: SealInput, now: Date): Promise<AcceptedDeclaration>;
  close(): Promise<void>;
}

/** Seals with `sealer`, then stores with `insert` (the group-commit inserter, in the server). */
export function sealThenInsert(sealer: DeclarationSealer, insert: (record: DeclarationRecord, now: Date) => Promise<void>): DeclarationWriter {
  return {
    async write(unsealed, input, now) {
      const record: DeclarationRecord = { ...unsealed, ...(await sealer.seal(input)) };
      await insert(record, now);
      return record;
    },
    close: () => sealer.close(),
  };
}
