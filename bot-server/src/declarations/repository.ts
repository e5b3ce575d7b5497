import type { ReceiptStatus } from "@khaibao/shared";
import { insertDeclarationConsent } from "../privacy/consents/repository";
import { UniqueConflict, type Queryable, type SqlValue } from "../storage";
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

/** Declarations in storage. Works on the database or inside a caller's transaction. */
export class DeclarationRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Stores the declaration and its outbox row in one transaction, so an accepted declaration is
   * always forwarded and nothing is forwarded that was not stored. A UNIQUE violation (same user
   * and idempotency key, or a receipt code already taken) is thrown for the caller to resolve.
   */
  async insertWithOutbox(r: DeclarationRecord, now: Date): Promise<void> {
    await this.db.transaction((tx) => insertPair(tx, r, now));
  }

  /**
   * Group commit: several declarations (each with its outbox row) in one transaction, with one
   * multi-row INSERT per table. A declaration whose unique keys are taken (same user and
   * idempotency key, or a receipt code already used) is skipped by ON CONFLICT DO NOTHING and
   * gets a `UniqueConflict` in its slot, which callers treat like the unique violation of a
   * single insert; the others commit. Resolves only after COMMIT: every `undefined` slot is
   * durable. Rejects as a whole when the transaction fails (then nothing was stored).
   * Savepoints per row did the same job at twice the cost of the inserts themselves.
   */
  async insertManyWithOutbox(items: ReadonlyArray<{ record: DeclarationRecord; now: Date }>): Promise<unknown[]> {
    if (items.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const rows: string[] = [];
      const params: SqlValue[] = [];
      for (const { record, now } of items) {
        const values = declarationValues(record, now);
        rows.push(`(${values.map((_, i) => `$${params.length + i + 1}`).join(", ")})`);
        params.push(...values);
      }
      const inserted = await tx.all<{ id: string }>(
        `INSERT INTO declarations (${COLUMNS}, created_at, updated_at) VALUES ${rows.join(", ")} ON CONFLICT DO NOTHING RETURNING id`,
        params,
      );
      const stored = new Set(inserted.map((r) => r.id));
      const outbox = items.filter((i) => stored.has(i.record.id));
      if (outbox.length > 0) {
        await tx.run(
          `INSERT INTO declaration_outbox (declaration_id, state, attempts, next_attempt_at, created_at, updated_at)
           VALUES ${outbox.map((_, i) => `($${2 * i + 1}, 'pending', 0, $${2 * i + 2}, $${2 * i + 2}, $${2 * i + 2})`).join(", ")}`,
          outbox.flatMap((i) => [i.record.id, i.now.toISOString()]),
        );
      }
      // First declarations of their users carry the consent they give, written with them.
      for (const i of outbox) if (i.record.consentToRecord) await insertDeclarationConsent(tx, i.record.consentToRecord);
      return items.map((i) => (stored.has(i.record.id) ? undefined : new UniqueConflict("declaration")));
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

/** The values of COLUMNS, then created_at and updated_at. */
function declarationValues(r: DeclarationRecord, now: Date): SqlValue[] {
  const ts = now.toISOString();
  return [
    r.id, r.receiptCode, r.zaloUserId, r.idempotencyKey, r.requestHash, r.checkpointId, r.direction, r.issuedAt, r.expiresAt,
    r.status, r.statusReason, r.holderNameMasked, r.holderIdMasked, r.idNumberIndex, r.sealed, r.sealedKeyId,
    r.destinationProvinceCode, r.destinationWardCode, r.receiptQr, ts, ts,
  ];
}

async function insertPair(tx: Queryable, r: DeclarationRecord, now: Date): Promise<void> {
  const ts = now.toISOString();
  const values = declarationValues(r, now);
  await tx.run(`INSERT INTO declarations (${COLUMNS}, created_at, updated_at) VALUES (${values.map((_, i) => `$${i + 1}`).join(", ")})`, values);
  await tx.run(
    `INSERT INTO declaration_outbox (declaration_id, state, attempts, next_attempt_at, created_at, updated_at)
     VALUES ($1, 'pending', 0, $2, $2, $2)`,
    [r.id, ts],
  );
  if (r.consentToRecord) await insertDeclarationConsent(tx, r.consentToRecord);
}
