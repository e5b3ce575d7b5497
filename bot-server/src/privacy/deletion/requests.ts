import { randomUUID } from "node:crypto";
import type { DeletionRequest, DeletionStatus } from "@khaibao/shared";
import type { Queryable } from "../../storage";

interface Row {
  id: string;
  zalo_user_id: string;
  status: DeletionStatus;
  requested_at: string;
  completed_at: string | null;
  declarations_purged: number | string;
  declarations_waiting: number | string;
}

export interface StoredDeletionRequest extends DeletionRequest {
  zaloUserId: string;
}

const COLUMNS = "id, zalo_user_id, status, requested_at, completed_at, declarations_purged, declarations_waiting";

const toRequest = (r: Row): StoredDeletionRequest => ({
  id: r.id,
  zaloUserId: r.zalo_user_id,
  status: r.status,
  requestedAt: r.requested_at,
  completedAt: r.completed_at,
  declarationsPurged: Number(r.declarations_purged),
  declarationsWaiting: Number(r.declarations_waiting),
});

/** Citizens' deletion requests. Open = received or waiting for the backend to have their declarations. */
export class DeletionRequestRepository {
  constructor(private readonly db: Queryable) {}

  async create(zaloUserId: string, now: Date): Promise<StoredDeletionRequest> {
    const id = randomUUID();
    await this.db.run(
      `INSERT INTO privacy_deletion_requests (id, zalo_user_id, status, requested_at, updated_at) VALUES ($1, $2, 'received', $3, $3)`,
      [id, zaloUserId, now],
    );
    return { id, zaloUserId, status: "received", requestedAt: now.toISOString(), completedAt: null, declarationsPurged: 0, declarationsWaiting: 0 };
  }

  async latest(zaloUserId: string): Promise<StoredDeletionRequest | undefined> {
    const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM privacy_deletion_requests WHERE zalo_user_id = $1 ORDER BY requested_at DESC, id LIMIT 1`, [zaloUserId]);
    return row ? toRequest(row) : undefined;
  }

  async open(limit: number): Promise<StoredDeletionRequest[]> {
    const rows = await this.db.all<Row>(`SELECT ${COLUMNS} FROM privacy_deletion_requests WHERE status <> 'done' ORDER BY requested_at, id LIMIT $1`, [limit]);
    return rows.map(toRequest);
  }

  async update(id: string, change: { status: DeletionStatus; purged: number; waiting: number; now: Date }): Promise<void> {
    await this.db.run(
      `UPDATE privacy_deletion_requests
          SET status = $2, declarations_purged = declarations_purged + $3, declarations_waiting = $4,
              completed_at = CASE WHEN $2 = 'done' THEN $5 ELSE completed_at END, updated_at = $5
        WHERE id = $1 AND status <> 'done'`,
      [id, change.status, change.purged, change.waiting, change.now],
    );
  }
}
