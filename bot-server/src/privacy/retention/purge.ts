import type { Queryable, SqlValue } from "../../storage";

/**
 * The statements that forget people. Each blanks personal columns in place and keeps the row, so
 * counts per checkpoint, ward, direction and day, and the forwarding status, do not change.
 * Every statement takes at most `limit` rows, so a caller can commit in small steps.
 */

/** Backend verdict reached: what the authorities had to receive, they received (or refused). */
const DELIVERED = "('done', 'rejected')";

export interface Scope {
  /** Rows older than this (by their own time column). */
  before?: Date;
  /** Rows of this Zalo user only. */
  zaloUserId?: string;
}

/**
 * `chat`: the column holds the OA-scoped id of a support chat. A deletion request comes with the
 * app-scoped id (the mini app's), which the inbox links to the chat (`app_user_id`) when Zalo
 * sends both: the chat of either id is the citizen's.
 */
function where(scope: Scope, timeColumn: string, userColumn: string, params: SqlValue[], chat = false): string {
  const parts: string[] = [];
  if (scope.before) {
    params.push(scope.before);
    parts.push(`${timeColumn} < $${params.length}`);
  }
  if (scope.zaloUserId !== undefined) {
    params.push(scope.zaloUserId);
    const n = params.length;
    parts.push(chat ? `(${userColumn} = $${n} OR ${userColumn} IN (SELECT l.user_id FROM support_conversations l WHERE l.app_user_id = $${n}))` : `${userColumn} = $${n}`);
  }
  return parts.length > 0 ? ` AND ${parts.join(" AND ")}` : "";
}

/**
 * Declarations: the sealed declaration, masks, blind indexes, the signed receipt text, the Zalo
 * user id. The idempotency key becomes the row id (the pair stays unique). Only declarations the
 * backend has given its verdict on: one still on its way (pending, or dead and waiting for staff)
 * is kept until it is delivered.
 */
export async function purgeDeclarations(q: Queryable, scope: Scope, now: Date, limit: number): Promise<number> {
  const params: SqlValue[] = [Buffer.alloc(0), now, limit];
  const filter = where(scope, "d.issued_at", "d.zalo_user_id", params);
  const { changes } = await q.run(
    `UPDATE declarations
        SET sealed = $1, sealed_key_id = '', holder_name_masked = '', holder_id_masked = '', id_number_index = '',
            request_hash = '', receipt_qr = '', zalo_user_id = '', idempotency_key = id,
            personal_data_purged_at = $2, updated_at = $2
      WHERE id IN (
        SELECT d.id FROM declarations d JOIN declaration_outbox o ON o.declaration_id = d.id
         WHERE d.personal_data_purged_at IS NULL AND o.state IN ${DELIVERED}${filter}
         ORDER BY d.issued_at LIMIT $3)`,
    params,
  );
  return changes;
}

/** Declarations in scope not purged because the backend has not had them yet. */
export async function countHeldDeclarations(q: Queryable, scope: Scope): Promise<number> {
  const params: SqlValue[] = [];
  const filter = where(scope, "d.issued_at", "d.zalo_user_id", params);
  const row = await q.get<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM declarations d JOIN declaration_outbox o ON o.declaration_id = d.id
      WHERE d.personal_data_purged_at IS NULL AND o.state NOT IN ${DELIVERED}${filter}`,
    params,
  );
  return Number(row?.n ?? 0);
}

/** Raw webhook bodies (messages, shared phone numbers) of events already processed. */
export async function purgeInbox(q: Queryable, scope: Scope, limit: number): Promise<number> {
  const params: SqlValue[] = [limit];
  const filter = where(scope, "received_at", "user_id", params, true);
  const { changes } = await q.run(
    `UPDATE zalo_inbox SET raw_body = '' WHERE id IN (
       SELECT id FROM zalo_inbox WHERE state IN ('done', 'failed') AND raw_body <> ''${filter} ORDER BY id LIMIT $1)`,
    params,
  );
  return changes;
}

/** Chat texts both ways, and the bodies of outgoing messages that are no longer waiting to be sent. */
export async function purgeMessages(q: Queryable, scope: Scope, limit: number): Promise<number> {
  const p1: SqlValue[] = [limit];
  const f1 = where(scope, "created_at", "user_id", p1, true);
  const texts = await q.run(
    `UPDATE zalo_conversation_messages SET text = NULL, payload = NULL WHERE id IN (
       SELECT id FROM zalo_conversation_messages
        WHERE state NOT IN ('queued', 'sending') AND (text IS NOT NULL OR payload IS NOT NULL)${f1} ORDER BY id LIMIT $1)`,
    p1,
  );
  const p2: SqlValue[] = [limit];
  const f2 = where(scope, "created_at", "user_id", p2, true);
  const outgoing = await q.run(
    `UPDATE zalo_outbox SET message = '' WHERE id IN (
       SELECT id FROM zalo_outbox WHERE state IN ('sent', 'failed', 'undeliverable') AND message <> ''${f2} ORDER BY id LIMIT $1)`,
    p2,
  );
  return texts.changes + outgoing.changes;
}

/**
 * Staff's private notes in the support inbox: written about a citizen, they can quote a CCCD, a
 * phone or a name. They feed no count, so the rows go (not just the text).
 */
export async function purgeNotes(q: Queryable, scope: Scope, limit: number): Promise<number> {
  const params: SqlValue[] = [limit];
  const filter = where(scope, "created_at", "user_id", params, true);
  const { changes } = await q.run(`DELETE FROM support_notes WHERE id IN (SELECT id FROM support_notes WHERE 1 = 1${filter} ORDER BY id LIMIT $1)`, params);
  return changes;
}

/** The support chat's Zalo display name and the name and phone a citizen shared (sealed, with blind indexes). */
export async function purgeSupportContacts(q: Queryable, scope: Scope): Promise<number> {
  const params: SqlValue[] = [];
  const filter = where(scope, "updated_at", "user_id", params, true);
  const { changes } = await q.run(
    `UPDATE support_conversations SET zalo_name_sealed = NULL, zalo_name_index = NULL, contact_name_sealed = NULL, contact_name_index = NULL,
            contact_phone_sealed = NULL, contact_phone_index = NULL
      WHERE (zalo_name_sealed IS NOT NULL OR contact_name_sealed IS NOT NULL OR contact_phone_sealed IS NOT NULL)${filter}`,
    params,
  );
  return changes;
}
