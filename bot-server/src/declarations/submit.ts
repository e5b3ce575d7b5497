import { randomBytes, randomUUID } from "node:crypto";
import {
  declarationWarnings,
  generateReceiptCode,
  maskHolderName,
  maskIdNumber,
  type Declaration,
  type FieldIssue,
  type Receipt,
  type submitDeclarationRequestSchema,
  type WardLookup,
} from "@khaibao/shared";
import type { z } from "zod";
import { isActive, type CheckpointRecord } from "../checkpoints/repository";
import { AppError, validationFailed } from "../http/errors";
import type { Consents } from "../privacy/consents/service";
import type { FieldCipher } from "../privacy/types";
import type { ReceiptSigner } from "../receipts/types";
import { isUniqueViolation } from "../storage";
import type { ZaloUser } from "../zalo";
import { placeIssues } from "./places";
import { enforceRateLimit, type RateLimiter } from "./rate-limit";
import { receiptClaimsOf, toReceipt } from "./receipt";
import type { DeclarationRecord, SealedDeclaration } from "./record";
import type { DeclarationRepository } from "./repository";
import { declarationFingerprint } from "./request-hash";

export type SubmitDeclarationInput = z.output<typeof submitDeclarationRequestSchema>;

export interface SubmitDeps {
  /** `insertWithOutbox` may be the group-commit writer (`createBatchedDeclarationInserter`). */
  declarations: Pick<DeclarationRepository, "findByIdempotencyKey" | "insertWithOutbox">;
  checkpoints: { get(id: string): Promise<CheckpointRecord | undefined> };
  wards: WardLookup;
  cipher: FieldCipher;
  signer: ReceiptSigner;
  /** Budget per Zalo user for new declarations (replays of a stored one are free). */
  limiter: RateLimiter;
  /** Records the declaration's consent (it travels inside the declaration), or refuses it. */
  consents: Pick<Consents, "acceptDeclaration">;
  receiptValidityHours: number;
  now: () => Date;
  /** Told after a declaration and its outbox row are committed (wakes the outbox worker). */
  onAccepted?: () => void;
  newReceiptCode?: () => string;
}

export interface SubmitResult {
  /** True when this repeats the answer to an earlier submission with the same key. */
  replayed: boolean;
  receipt: Receipt;
  /** Language-neutral; the route localises them. Paths as in the submitted body. */
  warnings: FieldIssue[];
}

/** Receipt codes are random 10-digit numbers: a collision is rare, a second one in a row rarer still. */
const MAX_CODE_ATTEMPTS = 5;

const warningsOf = (d: Declaration): FieldIssue[] => declarationWarnings(d).map((w) => ({ ...w, path: `declaration.${w.path}` }));

/**
 * Accepts a validated declaration from a Zalo user: the same user and idempotency key always get
 * the same receipt (a different declaration under a used key is a 409), new ones are rate
 * limited, the checkpoint must be active and the wards must lie in their provinces. The
 * declaration is sealed and stored together with its outbox row; the receipt is signed.
 */
export async function submitDeclaration(deps: SubmitDeps, user: ZaloUser, input: SubmitDeclarationInput): Promise<SubmitResult> {
  const declaration = input.declaration;
  const requestHash = declarationFingerprint(deps.cipher, declaration);

  const earlier = await deps.declarations.findByIdempotencyKey(user.id, input.idempotencyKey);
  if (earlier) return replay(deps, earlier, requestHash);

  await enforceRateLimit(deps.limiter, `declarations:${user.id}`);

  const now = deps.now();
  const checkpoint = await deps.checkpoints.get(declaration.trip.checkpointId);
  const issues: FieldIssue[] = [];
  if (!checkpoint || !isActive(checkpoint, now)) issues.push({ path: "declaration.trip.checkpointId", code: "declaration.checkpoint_unknown" });
  // A one-way checkpoint only controls that direction; the other way is a mistake in the form.
  else if (checkpoint.direction !== "both" && checkpoint.direction !== declaration.trip.direction) {
    issues.push({ path: "declaration.trip.direction", code: "trip.direction_mismatch" });
  }
  issues.push(...placeIssues(declaration, deps.wards));
  if (issues.length > 0 || !checkpoint) throw validationFailed(issues);
  const committedAt = input.clientSubmittedAt ? new Date(input.clientSubmittedAt) : undefined;
  const consentToRecord = await deps.consents.acceptDeclaration(user.id, declaration.commitment.consentVersion, committedAt, now);

  // Whole seconds, so the stored times and the signed ones (unix seconds) are the same instants.
  const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const expiresAt = new Date(issuedAt.getTime() + deps.receiptValidityHours * 3_600_000);
  const sealed: SealedDeclaration<Declaration> = { declaration, clientSubmittedAt: input.clientSubmittedAt ?? null };
  const base = {
    id: randomUUID(),
    zaloUserId: user.id,
    idempotencyKey: input.idempotencyKey,
    requestHash,
    checkpointId: checkpoint.id,
    direction: declaration.trip.direction,
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    status: "accepted" as const,
    statusReason: null,
    holderNameMasked: maskHolderName(declaration.identity.fullName),
    holderIdMasked: maskIdNumber(declaration.identity.idNumber),
    idNumberIndex: deps.cipher.blindIndex("id", declaration.identity.idNumber),
    sealed: deps.cipher.sealJson(sealed),
    sealedKeyId: deps.cipher.currentKeyId,
    destinationProvinceCode: declaration.trip.destination.provinceCode,
    destinationWardCode: declaration.trip.destination.wardCode ?? null,
    consentToRecord,
  };
  const newCode = deps.newReceiptCode ?? (() => generateReceiptCode((n) => randomBytes(n)));

  for (let attempt = 1; ; attempt++) {
    const receiptCode = newCode();
    const record: DeclarationRecord = { ...base, receiptCode, receiptQr: deps.signer.sign(receiptClaimsOf({ ...base, receiptCode })) };
    try {
      await deps.declarations.insertWithOutbox(record, now);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Either the same submission raced us in (a double tap, a retry): answer as a replay;
      // or the receipt code was taken: draw another.
      const raced = await deps.declarations.findByIdempotencyKey(user.id, input.idempotencyKey);
      if (raced) return replay(deps, raced, requestHash);
      if (attempt >= MAX_CODE_ATTEMPTS) throw error;
      continue;
    }
    deps.onAccepted?.();
    return { replayed: false, receipt: toReceipt(record, checkpoint.name), warnings: warningsOf(declaration) };
  }
}

async function replay(deps: SubmitDeps, stored: DeclarationRecord, requestHash: string): Promise<SubmitResult> {
  if (stored.requestHash !== requestHash) throw new AppError("declaration.idempotency_conflict", 409);
  const checkpoint = await deps.checkpoints.get(stored.checkpointId);
  const { declaration } = deps.cipher.openJson<SealedDeclaration<Declaration>>(stored.sealed);
  return { replayed: true, receipt: toReceipt(stored, checkpoint?.name ?? stored.checkpointId), warnings: warningsOf(declaration) };
}
