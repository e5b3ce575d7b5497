// Helpers for the declarations tests: real keys made on the spot, seeded checkpoints, stored rows.
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { declarationSchema, maskHolderName, maskIdNumber, type Declaration, type DeclarationInput } from "@khaibao/shared";
import { sampleDeclaration } from "../../../shared/src/testing/fixtures";
import { CheckpointRepository, type CheckpointRecord } from "../checkpoints/repository";
import { HANOI_GATEWAYS } from "../checkpoints/seed";
import { createFieldCipher, type FieldCipher } from "../privacy";
import { createReceiptSigner, type ReceiptSigner } from "../receipts";
import type { Queryable } from "../storage";
import type { DeclarationRecord, SealedDeclaration } from "./record";
import { DeclarationRepository } from "./repository";

export { sampleDeclaration };

export function testCipher(): Promise<FieldCipher> {
  return createFieldCipher({ keys: `t1:${randomBytes(32).toString("base64")}`, allowDevKey: false });
}

export function testSigner(): Promise<ReceiptSigner> {
  const der = generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" });
  return createReceiptSigner({ keys: `t1:${der.toString("base64")}`, allowDevKey: false, issuer: "Khaibao tests" });
}

/** A checkpoint that closed in 2020, for "inactive checkpoint" cases. */
export const CLOSED_CHECKPOINT: CheckpointRecord = {
  id: "HN-CLOSED", name: "Đã đóng", provinceCode: "01", wardCode: null, address: "", direction: "both",
  latitude: null, longitude: null, activeFrom: null, activeTo: "2020-01-01T00:00:00.000Z", notes: null,
};

export async function seedCheckpoints(db: Queryable): Promise<CheckpointRepository> {
  const repo = new CheckpointRepository(db);
  for (const c of [...HANOI_GATEWAYS, CLOSED_CHECKPOINT]) await repo.upsert(c, new Date("2026-01-01T00:00:00Z"));
  return repo;
}

export function parsedDeclaration(overrides: Partial<DeclarationInput> = {}): Declaration {
  return declarationSchema.parse(sampleDeclaration(overrides));
}

/** Stores one accepted declaration with its outbox row, as `submitDeclaration` would. */
export async function storeDeclaration(db: Queryable, cipher: FieldCipher, now: Date, overrides: Partial<DeclarationRecord> = {}): Promise<DeclarationRecord> {
  const record = declarationRecord(cipher, now, overrides);
  await new DeclarationRepository(db).insertWithOutbox(record, now);
  return record;
}

/** An accepted declaration as `submitDeclaration` builds it, not stored. */
export function declarationRecord(cipher: FieldCipher, now: Date, overrides: Partial<DeclarationRecord> = {}): DeclarationRecord {
  const declaration = parsedDeclaration();
  const sealed: SealedDeclaration<Declaration> = { declaration, clientSubmittedAt: null };
  const record: DeclarationRecord = {
    id: randomUUID(),
    receiptCode: String(Math.floor(Math.random() * 1e10)).padStart(10, "0"),
    zaloUserId: "2468458835296197922",
    idempotencyKey: randomUUID(),
    requestHash: "h",
    checkpointId: "HN-PHAPVAN",
    direction: "into",
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 72 * 3_600_000).toISOString(),
    status: "accepted",
    statusReason: null,
    holderNameMasked: maskHolderName(declaration.identity.fullName),
    holderIdMasked: maskIdNumber(declaration.identity.idNumber),
    idNumberIndex: cipher.blindIndex("id", declaration.identity.idNumber),
    sealed: cipher.sealJson(sealed),
    sealedKeyId: cipher.currentKeyId,
    destinationProvinceCode: "01",
    destinationWardCode: null,
    receiptQr: "KB1:TEST",
    ...overrides,
  };
  return record;
}
