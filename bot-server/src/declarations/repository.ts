import type { ReceiptStatus } from "@khaibao/shared";
import type { Queryable } from "../storage";
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
   * Group commit: several declarations (each with its outbox row) in one transaction. Each pair
   * goes in its own savepoint, so a UNIQUE violation (or any error) undoes only that pair and is
   * returned in its slot; the others commit. Resolves only after COMMIT: every `undefined` slot is
   * durable. Rejects as a whole only when the transaction itself fails (then nothing was stored).
   */
  async insertManyWithOutbox(items: ReadonlyArray<{ record: DeclarationRecord; now: Date }>): Promise<unknown[]> {
    return this.db.transaction(async (tx) => {
      const errors: unknown[] = [];
      for (const { record, now } of items) {
        try {
          await tx.transaction((sp) => insertPair(sp, record, now));
          errors.push(undefined);
        } catch (error) {
          // `undefined` marks success, so an error must never be falsy-equal to it.
          errors.push(error ?? new Error("declaration insert failed"));
        }
      }
      return errors;
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

async function insertPair(tx: Queryable, r: DeclarationRecord, now: Date): Promise<void> {
  const ts = now.toISOString();
  await tx.run(
    `INSERT INTO declarations (${COLUMNS}, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20)`,
    [
      r.id, r.receiptCode, r.zaloUserId, r.idempotencyKey, r.requestHash, r.checkpointId, r.direction, r.issuedAt, r.expiresAt,
      r.status, r.statusReason, r.holderNameMasked, r.holderIdMasked, r.idNumberIndex, r.sealed, r.sealedKeyId,
      r.destinationProvinceCode, r.destinationWardCode, r.receiptQr, ts,
    ],
  );
  await tx.run(
    `INSERT INTO declaration_outbox (declaration_id, state, attempts, next_attempt_at, created_at, updated_at)
     VALUES ($1, 'pending', 0, $2, $2, $2)`,
    [r.id, ts],
  );
}
