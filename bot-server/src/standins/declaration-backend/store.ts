import { openDatabase, type Database } from "../../storage";
import type { BackendCounts, DeclarationEnvelope } from "./protocol";

export interface StoredDeclaration {
  idempotencyKey: string;
  declarationId: string;
  receiptCode: string;
  outcome: "accepted" | "rejected";
  reason: string | null;
  deliveries: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
}

interface Row {
  idempotency_key: string;
  declaration_id: string;
  receipt_code: string;
  outcome: "accepted" | "rejected";
  reason: string | null;
  deliveries: number;
  first_received_at: string;
  last_received_at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS received (
  idempotency_key   TEXT PRIMARY KEY,
  declaration_id    TEXT NOT NULL,
  receipt_code      TEXT NOT NULL,
  outcome           TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected')),
  reason            TEXT,
  body              TEXT NOT NULL,
  deliveries        INTEGER NOT NULL,
  first_received_at TEXT NOT NULL,
  last_received_at  TEXT NOT NULL
)`;

const COLUMNS = "idempotency_key, declaration_id, receipt_code, outcome, reason, deliveries, first_received_at, last_received_at";

const toStored = (r: Row): StoredDeclaration => ({
  idempotencyKey: r.idempotency_key,
  declarationId: r.declaration_id,
  receiptCode: r.receipt_code,
  outcome: r.outcome,
  reason: r.reason,
  deliveries: Number(r.deliveries),
  firstReceivedAt: r.first_received_at,
  lastReceivedAt: r.last_received_at,
});

/**
 * What the stand-in received, durably, in its own SQLite file (it survives the stand-in's
 * restarts like a real backend's database). Deduped by Idempotency-Key in one atomic upsert.
 */
export class ReceivedStore {
  private constructor(private readonly db: Database) {}

  static async open(file: string): Promise<ReceivedStore> {
    const db = await openDatabase({ sqlitePath: file });
    await db.exec(SCHEMA);
    return new ReceivedStore(db);
  }

  /**
   * Stores a first delivery with `outcome`, or counts a repeat and returns what was decided the
   * first time: a repeat never changes the verdict.
   */
  async receive(key: string, envelope: DeclarationEnvelope, outcome: { outcome: "accepted" | "rejected"; reason: string | null }, now: Date): Promise<StoredDeclaration & { first: boolean }> {
    const row = await this.db.get<Row>(
      `INSERT INTO received (idempotency_key, declaration_id, receipt_code, outcome, reason, body, deliveries, first_received_at, last_received_at)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7)
       ON CONFLICT (idempotency_key) DO UPDATE SET deliveries = received.deliveries + 1, last_received_at = excluded.last_received_at
       RETURNING ${COLUMNS}`,
      [key, envelope.declarationId, envelope.receiptCode, outcome.outcome, outcome.reason, JSON.stringify(envelope), now],
    );
    if (!row) throw new Error("upsert returned no row");
    const stored = toStored(row);
    return { ...stored, first: stored.deliveries === 1 };
  }

  async counts(): Promise<BackendCounts> {
    const row = await this.db.get<Record<keyof BackendCounts, number | string | null>>(
      `SELECT
         COUNT(CASE WHEN outcome = 'accepted' THEN 1 END) AS count,
         COUNT(CASE WHEN outcome = 'rejected' THEN 1 END) AS rejected,
         COUNT(DISTINCT CASE WHEN outcome = 'accepted' THEN declaration_id END) AS "distinctDeclarationIds",
         COUNT(DISTINCT CASE WHEN outcome = 'accepted' THEN receipt_code END) AS "distinctReceiptCodes",
         COALESCE(SUM(deliveries), 0) AS deliveries
       FROM received`,
    );
    return {
      count: Number(row?.count ?? 0),
      rejected: Number(row?.rejected ?? 0),
      distinctDeclarationIds: Number(row?.distinctDeclarationIds ?? 0),
      distinctReceiptCodes: Number(row?.distinctReceiptCodes ?? 0),
      deliveries: Number(row?.deliveries ?? 0),
    };
  }

  async list(limit: number, offset: number): Promise<StoredDeclaration[]> {
    const rows = await this.db.all<Row>(`SELECT ${COLUMNS} FROM received ORDER BY first_received_at, idempotency_key LIMIT $1 OFFSET $2`, [limit, offset]);
    return rows.map(toStored);
  }

  async get(key: string): Promise<(StoredDeclaration & { body: unknown }) | undefined> {
    const row = await this.db.get<Row & { body: string }>(`SELECT ${COLUMNS}, body FROM received WHERE idempotency_key = $1`, [key]);
    return row ? { ...toStored(row), body: JSON.parse(row.body) as unknown } : undefined;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
