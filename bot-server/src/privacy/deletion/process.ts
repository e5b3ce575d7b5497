import type { AuditLog } from "../../staff/audit";
import type { Queryable } from "../../storage";
import { countHeldDeclarations, purgeDeclarations, purgeInbox, purgeMessages, purgeNotes, purgeSupportContacts, type Scope } from "../retention/purge";
import { DeletionRequestRepository, type StoredDeletionRequest } from "./requests";

const CHUNK = 500;

/**
 * Carries a deletion request as far as it can go now: the citizen's declarations the backend
 * already has, their chat texts, webhook bodies and shared contact are blanked, staff's private
 * notes about them deleted (their chat found by either Zalo id, see `purge.ts`). Declarations
 * still on their way to the backend are delivered first (the authorities must receive what was
 * declared); the request then waits (`waiting_delivery`) and a later run finishes it. Only what
 * existed when the request was made is in scope. Completion is written to the audit log.
 */
export async function processDeletionRequest(
  db: Queryable,
  audit: AuditLog,
  request: StoredDeletionRequest,
  now: Date,
): Promise<StoredDeletionRequest> {
  // Declarations are stamped in whole seconds; include the request's own second.
  const scope: Scope = { zaloUserId: request.zaloUserId, before: new Date(Date.parse(request.requestedAt) + 1000) };
  let purged = 0;
  for (;;) {
    const n = await db.transaction((tx) => purgeDeclarations(tx, scope, now, CHUNK));
    purged += n;
    if (n < CHUNK) break;
  }
  await db.transaction(async (tx) => {
    while ((await purgeInbox(tx, scope, CHUNK)) === CHUNK);
    while ((await purgeMessages(tx, scope, CHUNK)) >= CHUNK);
    while ((await purgeNotes(tx, scope, CHUNK)) === CHUNK);
    await purgeSupportContacts(tx, { zaloUserId: request.zaloUserId });
  });
  const waiting = await countHeldDeclarations(db, scope);
  const status = waiting > 0 ? "waiting_delivery" : "done";
  await new DeletionRequestRepository(db).update(request.id, { status, purged, waiting, now });
  if (status === "done") {
    await audit.record(
      { actor: null, action: "privacy.deletion_completed", target: { type: "deletion_request", id: request.id }, details: { declarationsPurged: request.declarationsPurged + purged } },
      now,
    );
  }
  return {
    ...request,
    status,
    declarationsPurged: request.declarationsPurged + purged,
    declarationsWaiting: waiting,
    completedAt: status === "done" ? now.toISOString() : null,
  };
}
