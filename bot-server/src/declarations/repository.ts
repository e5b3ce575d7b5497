import type { ReceiptStatus } from "@khaibao/shared";
import { declarationConsentOutcome, insertDeclarationConsent, latestDeclarationConsents, type DeclarationConsent } from "../privacy/consents/repository";
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
   * Group commit: several declarations (each with its outbox row and, for a user's first, the
   * consent it carries) in one transaction, with one multi-row INSERT per table. The users'
   * declaration consents are read in the same transaction: a declaration whose author withdrew
   * consent after committing it gets a `ConsentWithdrawnConflict` in its slot and is not
   * stored. One whose unique keys are taken is skipped by ON CONFLICT DO NOTHING and gets a
   * `UniqueConflict` (callers treat it like the unique violation of a single insert). The others
   * commit; their slots are `undefined`, and durable: this resolves only after COMMIT. Rejects as
   * a whole when the transaction fails (then nothing was stored).
   */
  insertManyWithOutbox(items: ReadonlyArray<{ record: DeclarationRecord; now: Date }>): Promise<unknown[]> {
    return this.storeMany(items);
  }

  private async storeMany(items: ReadonlyArray<{ record: DeclarationRecord; now: Date }>): Promise<unknown[]> {
    if (items.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const withConsent = items.filter((i) => i.record.consent);
      const latest = await latestDeclarationConsents(tx, withConsent.map((i) => i.record.zaloUserId));
      const outcomes = new Map(withConsent.map((i) => [i, declarationConsentOutcome(latest.get(i.record.zaloUserId), i.record.consent as DeclarationConsent)]));
      const allowed = items.filter((i) => outcomes.get(i) !== "withdrawn");
      const stored = new Set<string>();
      if (allowed.length > 0) {
        const rows: string[] = [];
        const params: SqlValue[] = [];
        for (const { record, now } of allowed) {
          const values = declarationValues(record, now);
          rows.push(`(${values.map((_, i) => `$${params.length + i + 1}`).join(", ")})`);
          params.push(...values);
        }
        const inserted = await tx.all<{ id: string }>(
          `INSERT INTO declarations (${COLUMNS}, created_at, updated_at) VALUES ${rows.join(", ")} ON CONFLICT DO NOTHING RETURNING id`,
          params,
        );
        for (const r of inserted) stored.add(r.id);
      }
      const outbox = allowed.filter((i) => stored.has(i.record.id));
      if (outbox.length > 0) {
        await tx.run(
          `INSERT INTO declaration_outbox (declaration_id, state, attempts, next_attempt_at, created_at, updated_at)
           VALUES ${outbox.map((_, i) => `($${2 * i + 1}, 'pending', 0, $${2 * i + 2}, $${2 * i + 2}, $${2 * i + 2})`).join(", ")}`,
          outbox.flatMap((i) => [i.record.id, i.now.toISOString()]),
        );
      }
      // A user's first stored declaration (of this batch) records the consent it carries.
      const recorded = new Set<string>();
      for (const i of outbox) {
        if (outcomes.get(i) !== "record" || recorded.has(i.record.zaloUserId)) continue;
        recorded.add(i.record.zaloUserId);
        await insertDeclarationConsent(tx, i.record.zaloUserId, i.record.consent as DeclarationConsent);
      }
      return items.map((i) =>
        stored.has(i.record.id) ? undefined : outcomes.get(i) === "withdrawn" ? new ConsentWithdrawnConflict() : new UniqueConflict("declaration"),
      );
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
