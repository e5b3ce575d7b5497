import type { ReceiptStatus } from "@khaibao/shared";
import { randomUUID } from "node:crypto";
import { lastDeclarationWithdrawals, type DeclarationConsent } from "../privacy/consents/repository";
import { UniqueConflict, type Dialect, type Queryable, type SqlValue, type Statement } from "../storage";
import type { DeclarationRecord } from "./record";

interface Row {
  id: string;
  receipt_code: string;
  zalo_user_id: string;
  idempotency_key: string;
  request_hash: string;
  checkpoint_id: string;
  direction: "into" | "out_of";
  issued_at: string;
  expires_at: string;
  status: ReceiptStatus;
  status_reason: string | null;
  holder_name_masked: string;
  holder_id_masked: string;
  id_number_index: string;
  sealed: Buffer;
  sealed_key_id: string;
  destination_province_code: string;
  destination_ward_code: string | null;
  receipt_qr: string;
}

const COLUMNS =
  "id, receipt_code, zalo_user_id, idempotency_key, request_hash, checkpoint_id, direction, issued_at, expires_at, " +
  "status, status_reason, holder_name_masked, holder_id_masked, id_number_index, sealed, sealed_key_id, " +
  "destination_province_code, destination_ward_code, receipt_qr";

function toRecord(r: Row): DeclarationRecord {
  return {
    id: r.id,
    receiptCode: r.receipt_code,
    zaloUserId: r.zalo_user_id,
    idempotencyKey: r.idempotency_key,
    requestHash: r.request_hash,
    checkpointId: r.checkpoint_id,
    direction: r.direction,
    issuedAt: r.issued_at,
    expiresAt: r.expires_at,
    status: r.status,
    statusReason: r.status_reason,
    holderNameMasked: r.holder_name_masked,
    holderIdMasked: r.holder_id_masked,
    idNumberIndex: r.id_number_index,
    sealed: r.sealed,
    sealedKeyId: r.sealed_key_id,
    destinationProvinceCode: r.destination_province_code,
    destinationWardCode: r.destination_ward_code,
    receiptQr: r.receipt_qr,
  };
}

/** The author of a declaration withdrew their consent after committing it: it is not stored. */
export class ConsentWithdrawnConflict extends Error {
  readonly code = "consent_withdrawn";
  constructor() {
    super("declaration consent withdrawn after the declaration was committed");
  }
}

/** Declarations in storage. Works on the database or inside a caller's transaction. */
export class DeclarationRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Stores the declaration and its outbox row in one transaction, so an accepted declaration is
   * always forwarded and nothing is forwarded that was not stored. A declaration whose unique keys
   * are taken (same user and idempotency key, or a receipt code already used) is refused with a
   * `UniqueConflict`, one whose consent was withdrawn with `ConsentWithdrawnConflict`.
   */
  async insertWithOutbox(r: DeclarationRecord, now: Date): Promise<void> {
    const [outcome] = await this.storeMany([{ record: r, now }]);
    if (outcome !== undefined) throw outcome;
  }

  /**
   * Group commit: several declarations, each with its outbox row and, for a user's first, the
   * consent it carries, in one transaction of three multi-row statements. A declaration whose
   * author withdrew consent after committing it is not stored (`ConsentWithdrawnConflict` in its
   * slot); one whose unique keys are taken (same user and idempotency key, or a receipt code
   * already used) is skipped by ON CONFLICT DO NOTHING (`UniqueConflict`, which callers treat
   * like the unique violation of a single insert). The others commit; their slots are
   * `undefined`, and durable: this resolves only after COMMIT. Rejects as a whole when the
   * transaction fails (then nothing was stored).
   *
   * Every decision is in the SQL, so the statements are known before the transaction starts and
   * go to the database as one batch, and the consent check happens inside the transaction that
   * stores the declaration: a withdrawal cannot slip between the check and the insert.
   */
  insertManyWithOutbox(items: ReadonlyArray<{ record: DeclarationRecord; now: Date }>): Promise<unknown[]> {
    return this.storeMany(items);
  }

  private async storeMany(items: ReadonlyArray<{ record: DeclarationRecord; now: Date }>): Promise<unknown[]> {
    if (items.length === 0) return [];
    const ids = items.map((i) => i.record.id);
    const [inserted] = await this.db.batch([
      insertDeclarationsStatement(this.db.dialect, items),
      {
        sql: `INSERT INTO declaration_outbox (declaration_id, state, attempts, next_attempt_at, created_at, updated_at)
              SELECT id, 'pending', 0, created_at, created_at, created_at FROM declarations WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(", ")})`,
        params: ids,
      },
      ...recordConsentsStatement(items),
    ]);
    const stored = new Set((inserted ?? []).map((r) => r.id as string));
    if (stored.size === items.length) return items.map(() => undefined);
    // Rare: say why the others were refused (the statements above only skip them).
    const refused = items.filter((i) => !stored.has(i.record.id) && i.record.consent);
    const withdrawals = await lastDeclarationWithdrawals(this.db, refused.map((i) => i.record.zaloUserId));
    return items.map((i) => {
      if (stored.has(i.record.id)) return undefined;
      const withdrawnAt = withdrawals.get(i.record.zaloUserId);
      const withdrawn = i.record.consent && withdrawnAt !== undefined && withdrawnAt >= i.record.consent.givenAt;
      return withdrawn ? new ConsentWithdrawnConflict() : new UniqueConflict("declaration");
    });
  }

  async findByIdempotencyKey(zaloUserId: string, idempotencyKey: string): Promise<DeclarationRecord | undefined> {
    const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM declarations WHERE zalo_user_id = $1 AND idempotency_key = $2`, [zaloUserId, idempotencyKey]);
    return row ? toRecord(row) : undefined;
  }

  async findByReceiptCode(code: string): Promise<DeclarationRecord | undefined> {
    const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM declarations WHERE receipt_code = $1`, [code]);
    return row ? toRecord(row) : undefined;
  }

  async findById(id: string): Promise<DeclarationRecord | undefined> {
    const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM declarations WHERE id = $1`, [id]);
    return row ? toRecord(row) : undefined;
  }
}

/** Position of `sealed` in COLUMNS: a BYTEA in PostgreSQL, where an untyped VALUES column would be text. */
const SEALED = 14;
const COLUMN_COUNT = 21; // COLUMNS, created_at, updated_at

/**
 * The declarations, except those whose author's latest declaration consent was withdrawn at or
 * after the time the declaration carries (a declaration queued offline must not go out after its
 * author said no); ON CONFLICT skips the duplicates. RETURNING names the stored ones.
 */
function insertDeclarationsStatement(dialect: Dialect, items: ReadonlyArray<{ record: DeclarationRecord; now: Date }>): Statement {
  const params: SqlValue[] = [];
  const rows = items.map(({ record, now }) => {
    const values = [...declarationValues(record, now), record.consent?.givenAt ?? null];
    const at = params.length;
    params.push(...values);
    return `(${values.map((_, i) => (i === SEALED && dialect === "postgres" ? `CAST($${at + i + 1} AS BYTEA)` : `$${at + i + 1}`)).join(", ")})`;
  });
  const given = `v.column${COLUMN_COUNT + 1}`;
  return {
    sql: `INSERT INTO declarations (${COLUMNS}, created_at, updated_at)
          SELECT ${Array.from({ length: COLUMN_COUNT }, (_, i) => `v.column${i + 1}`).join(", ")}
          FROM (VALUES ${rows.join(", ")}) AS v
          WHERE ${given} IS NULL OR NOT EXISTS (
            SELECT 1 FROM privacy_consents c
             WHERE c.zalo_user_id = v.column3 AND c.scope = 'declaration' AND c.withdrawn_at >= ${given}
               AND NOT EXISTS (SELECT 1 FROM privacy_consents a WHERE a.zalo_user_id = v.column3 AND a.scope = 'declaration' AND a.withdrawn_at IS NULL))
          ON CONFLICT DO NOTHING RETURNING id`,
    params,
  };
}

/**
 * The consent carried by each user's first declaration stored by this batch (the smallest of
 * their time-ordered ids), written when they have no active declaration consent.
 */
function recordConsentsStatement(items: ReadonlyArray<{ record: DeclarationRecord }>): Statement[] {
  const carrying = items.filter((i) => i.record.consent);
  if (carrying.length === 0) return [];
  const params: SqlValue[] = items.map((i) => i.record.id);
  const ids = params.map((_, i) => `$${i + 1}`).join(", ");
  const rows = carrying.map(({ record }) => {
    const at = params.length;
    const consent = record.consent as DeclarationConsent;
    params.push(randomUUID(), record.zaloUserId, consent.version, consent.givenAt, record.id);
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5})`;
  });
  return [
    {
      sql: `INSERT INTO privacy_consents (id, zalo_user_id, scope, version, source, given_at)
            SELECT v.column1, v.column2, 'declaration', v.column3, 'declaration', v.column4
            FROM (VALUES ${rows.join(", ")}) AS v
            WHERE v.column5 = (SELECT MIN(d.id) FROM declarations d WHERE d.zalo_user_id = v.column2 AND d.id IN (${ids}))
              AND NOT EXISTS (SELECT 1 FROM privacy_consents c WHERE c.zalo_user_id = v.column2 AND c.scope = 'declaration' AND c.withdrawn_at IS NULL)`,
      params,
    },
  ];
}

/** The values of COLUMNS, then created_at and updated_at. */
function declarationValues(r: DeclarationRecord, now: Date): SqlValue[] {
  const ts = now.toISOString();
  return [
    r.id, r.receiptCode, r.zaloUserId, r.idempotencyKey, r.requestHash, r.checkpointId, r.direction, r.issuedAt, r.expiresAt,
    r.status, r.statusReason, r.holderNameMasked, r.holderIdMasked, r.idNumberIndex, r.sealed, r.sealedKeyId,
    r.destinationProvinceCode, r.destinationWardCode, r.receiptQr, ts, ts,
  ];
}
