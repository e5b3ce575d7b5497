import type { Queryable } from "../storage";
import type { CheckpointDirection } from "@khaibao/shared";

/** A checkpoint as stored. Names of provinces and wards are resolved when shown, codes are kept. */
export interface CheckpointRecord {
  id: string;
  name: string;
  provinceCode: string;
  wardCode: string | null;
  address: string;
  direction: CheckpointDirection;
  latitude: number | null;
  longitude: number | null;
  activeFrom: string | null;
  activeTo: string | null;
  notes: string | null;
}

interface Row {
  id: string;
  name: string;
  province_code: string;
  ward_code: string | null;
  address: string;
  direction: CheckpointDirection;
  latitude: number | null;
  longitude: number | null;
  active_from: string | null;
  active_to: string | null;
  notes: string | null;
}

const COLUMNS = "id, name, province_code, ward_code, address, direction, latitude, longitude, active_from, active_to, notes";

function toRecord(r: Row): CheckpointRecord {
  return {
    id: r.id,
    name: r.name,
    provinceCode: r.province_code,
    wardCode: r.ward_code,
    address: r.address,
    direction: r.direction,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    activeFrom: r.active_from,
    activeTo: r.active_to,
    notes: r.notes,
  };
}

/** Active means: inside the optional [activeFrom, activeTo) window at `now`. */
export function isActive(c: Pick<CheckpointRecord, "activeFrom" | "activeTo">, now: Date): boolean {
  const t = now.toISOString();
  return (c.activeFrom === null || c.activeFrom <= t) && (c.activeTo === null || t < c.activeTo);
}

export class CheckpointRepository {
  constructor(private readonly db: Queryable) {}

  async get(id: string): Promise<CheckpointRecord | undefined> {
    const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM checkpoints WHERE id = $1`, [id]);
    return row ? toRecord(row) : undefined;
  }

  async list(): Promise<CheckpointRecord[]> {
    const rows = await this.db.all<Row>(`SELECT ${COLUMNS} FROM checkpoints ORDER BY name`);
    return rows.map(toRecord);
  }

  async count(): Promise<number> {
    const row = await this.db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM checkpoints");
    return Number(row?.n ?? 0);
  }

  /** A new checkpoint; a UNIQUE violation (`isUniqueViolation`) when the id is taken. */
  async insert(c: CheckpointRecord, now: Date): Promise<void> {
    const ts = now.toISOString();
    await this.db.run(
      `INSERT INTO checkpoints (${COLUMNS}, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
      [c.id, c.name, c.provinceCode, c.wardCode, c.address, c.direction, c.latitude, c.longitude, c.activeFrom, c.activeTo, c.notes, ts],
    );
  }

  async upsert(c: CheckpointRecord, now: Date): Promise<void> {
    const ts = now.toISOString();
    await this.db.run(
      `INSERT INTO checkpoints (${COLUMNS}, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, province_code = excluded.province_code,
         ward_code = excluded.ward_code, address = excluded.address, direction = excluded.direction,
         latitude = excluded.latitude, longitude = excluded.longitude, active_from = excluded.active_from,
         active_to = excluded.active_to, notes = excluded.notes, updated_at = excluded.updated_at`,
      [c.id, c.name, c.provinceCode, c.wardCode, c.address, c.direction, c.latitude, c.longitude, c.activeFrom, c.activeTo, c.notes, ts],
    );
  }
}
