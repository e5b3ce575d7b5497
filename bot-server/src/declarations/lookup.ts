import type { ReceiptLookupResponse } from "@khaibao/shared";
import { notFound } from "../http/errors";
import type { CheckpointRecord } from "../checkpoints/repository";
import { toReceiptLookup } from "./receipt";
import type { DeclarationRepository } from "./repository";

export interface LookupDeps {
  declarations: DeclarationRepository;
  checkpoints: { get(id: string): Promise<CheckpointRecord | undefined> };
  now: () => Date;
}

/** A receipt's live status for a verifier; 404 `receipt.not_found` for a code we never issued. */
export async function lookupReceipt(deps: LookupDeps, code: string): Promise<ReceiptLookupResponse> {
  const stored = await deps.declarations.findByReceiptCode(code);
  if (!stored) throw notFound("receipt.not_found");
  const checkpoint = await deps.checkpoints.get(stored.checkpointId);
  return toReceiptLookup(stored, checkpoint?.name ?? stored.checkpointId, deps.now());
}
