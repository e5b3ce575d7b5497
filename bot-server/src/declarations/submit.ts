import {
  declarationWarnings,
  generateReceiptCode,
  isKnownConsentVersion,
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
import type { FieldCipher } from "../privacy/types";
import { pooledRandomBytes } from "../random/pool";
import { timeOrderedId } from "../random/time-ordered-id";
import { isUniqueViolation } from "../storage";
import type { ZaloUser } from "../zalo";
import { placeIssues } from "./places";
import { rateLimited, type RateLimiter } from "./rate-limit";
import { receiptClaimsOf, toReceipt } from "./receipt";
import type { DeclarationRecord } from "./record";
import { ConsentWithdrawnConflict, type DeclarationRepository } from "./repository";
import { sameDeclaration } from "./request-hash";
import type { AcceptedDeclaration, DeclarationWriter } from "./sealing";

export type SubmitDeclarationInput = z.output<typeof submitDeclarationRequestSchema>;

export interface SubmitDeps {
  /** Where retries find what they stored. */
  declarations: Pick<DeclarationRepository, "findByIdempotencyKey">;
  checkpoints: { get(id: string): Promise<CheckpointRecord | undefined> };
  wards: WardLookup;
  /** Tells a retry from a reused idempotency key (the stored fingerprint). */
  cipher: FieldCipher;
  /** Seals, fingerprints, signs and stores new declarations (with their outbox rows). */
  writer: DeclarationWriter;
  /** Budget per Zalo user for new declarations (replays of a stored one are free). */
  limiter: RateLimiter;
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
 * limited, the checkpoint must be active and the wards must lie in their provinces, and the
 * author must not have withdrawn the consent the declaration carries. The declaration is sealed
 * and stored together with its outbox row; the receipt is signed.
 *
 * A submission is nearly always new, so the stored one is looked up only when something stands
 * in the way (the rate limit, a failed check, a taken key): a retry then still gets its receipt,
 * and a new declaration costs no read before its insert.
 */
export async function submitDeclaration(deps: SubmitDeps, user: ZaloUser, input: SubmitDeclarationInput): Promise<SubmitResult> {
  const declaration = input.declaration;
  const json = JSON.stringify(declaration);
  const earlier = () => deps.declarations.findByIdempotencyKey(user.id, input.idempotencyKey);
  /** The answer to a retry if this is one, otherwise the error that stood in the way. */
  const replayOr = async (error: unknown): Promise<SubmitResult> => {
    const stored = await earlier();
    if (stored) return replay(deps, stored, declaration, json);
    throw error;
  };

  const rateKey = `declarations:${user.id}`;
  const decision = await deps.limiter.take(rateKey);
  if (!decision.allowed) return replayOr(rateLimited(decision.retryAfterSeconds));

  const now = deps.now();
  const checkpoint = await deps.checkpoints.get(declaration.trip.checkpointId);
  const issues: FieldIssue[] = [];
  if (!checkpoint || !isActive(checkpoint, now)) issues.push({ path: "declaration.trip.checkpointId", code: "declaration.checkpoint_unknown" });
  // A one-way checkpoint only controls that direction; the other way is a mistake in the form.
  else if (checkpoint.direction !== "both" && checkpoint.direction !== declaration.trip.direction) {
    issues.push({ path: "declaration.trip.direction", code: "trip.direction_mismatch" });
  }
  issues.push(...placeIssues(declaration, deps.wards));
  const consentVersion = declaration.commitment.consentVersion;
  if (!isKnownConsentVersion("declaration", consentVersion)) issues.push({ path: "declaration.commitment.consentVersion", code: "consent.version_unknown" });
  if (issues.length > 0 || !checkpoint) return replayOr(validationFailed(issues));

  // Whole seconds, so the stored times and the signed ones (unix seconds) are the same instants.
  const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const expiresAt = new Date(issuedAt.getTime() + deps.receiptValidityHours * 3_600_000);
  // The device's clock can be ahead; a consent is never dated after we received it.
  const committedAt = input.clientSubmittedAt ? new Date(input.clientSubmittedAt) : undefined;
  const consentGivenAt = committedAt && committedAt.getTime() <= now.getTime() ? committedAt : now;
  const base = {
    // Time-ordered: the primary key and the outbox key then grow at the end of their indexes.
    id: timeOrderedId(now.getTime()),
    zaloUserId: user.id,
    idempotencyKey: input.idempotencyKey,
    checkpointId: checkpoint.id,
    direction: declaration.trip.direction,
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    status: "accepted" as const,
    statusReason: null,
    holderNameMasked: maskHolderName(declaration.identity.fullName),
    holderIdMasked: maskIdNumber(declaration.identity.idNumber),
    destinationProvinceCode: declaration.trip.destination.provinceCode,
    destinationWardCode: declaration.trip.destination.wardCode ?? null,
    consent: { version: consentVersion, givenAt: consentGivenAt.toISOString() },
  };
  const newCode = deps.newReceiptCode ?? (() => generateReceiptCode(pooledRandomBytes));

  for (let attempt = 1; ; attempt++) {
    const unsealed = { ...base, receiptCode: newCode() };
    let record: AcceptedDeclaration;
    try {
      record = await deps.writer.write(
        unsealed,
        { json, clientSubmittedAt: input.clientSubmittedAt ?? null, idNumber: declaration.identity.idNumber, claims: receiptClaimsOf(unsealed) },
        now,
      );
    } catch (error) {
      if (error instanceof ConsentWithdrawnConflict) {
        await deps.limiter.refund(rateKey);
        return replayOr(new AppError("consent.withdrawn", 403));
      }
      if (!isUniqueViolation(error)) throw error;
      // Either this is a retry (a double tap, a lost answer): answer as a replay, which costs
      // no budget; or the receipt code was taken: draw another.
      const stored = await earlier();
      if (stored) {
        await deps.limiter.refund(rateKey);
        return replay(deps, stored, declaration, json);
      }
      if (attempt >= MAX_CODE_ATTEMPTS) throw error;
      continue;
    }
    deps.onAccepted?.();
    return { replayed: false, receipt: toReceipt(record, checkpoint.name), warnings: warningsOf(declaration) };
  }
}

async function replay(deps: SubmitDeps, stored: DeclarationRecord, declaration: Declaration, json: string): Promise<SubmitResult> {
  if (!sameDeclaration(deps.cipher, stored.requestHash, declaration, json)) throw new AppError("declaration.idempotency_conflict", 409);
  const checkpoint = await deps.checkpoints.get(stored.checkpointId);
  // The same declaration as the stored one (its fingerprint matched): its warnings are the same.
  return { replayed: true, receipt: toReceipt(stored, checkpoint?.name ?? stored.checkpointId), warnings: warningsOf(declaration) };
}
