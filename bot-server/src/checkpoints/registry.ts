import {
  checkWardInProvince,
  checkpointDeepLink,
  type checkpointCreateRequestSchema,
  type checkpointUpdateRequestSchema,
  type FieldIssue,
  type StaffCheckpoint,
  type WardLookup,
} from "@khaibao/shared";
import type { z } from "zod";
import { AppError, validationFailed } from "../http/errors";
import { AuditLog } from "../staff/audit";
import { isUniqueViolation, type Database } from "../storage";
import { CheckpointRepository, isActive, type CheckpointRecord } from "./repository";
import type { PlaceNames } from "./routes";

export interface Actor {
  id: string;
  username: string;
}

type Fields = z.output<typeof checkpointUpdateRequestSchema>;

export interface CheckpointRegistryDeps {
  db: Database;
  wards: WardLookup;
  places: PlaceNames;
  miniAppId: string;
  now: () => Date;
}

/**
 * The checkpoint registry behind the console: create, edit and deactivate, each change written
 * to the audit log (who, why, the record before and after) in the same transaction, so no
 * change is ever left unrecorded. Wards are checked against the administrative units data.
 */
export class CheckpointRegistry {
  private readonly repo: CheckpointRepository;

  constructor(private readonly deps: CheckpointRegistryDeps) {
    this.repo = new CheckpointRepository(deps.db);
  }

  async list(): Promise<StaffCheckpoint[]> {
    const now = this.deps.now();
    return (await this.repo.list()).map((c) => this.view(c, now));
  }

  async get(id: string): Promise<CheckpointRecord> {
    const found = await this.repo.get(id);
    if (!found) throw new AppError("checkpoint.not_found", 404, { params: { id } });
    return found;
  }

  view(c: CheckpointRecord, now = this.deps.now()): StaffCheckpoint {
    return {
      ...c,
      provinceName: this.deps.places.provinceName(c.provinceCode) ?? c.provinceCode,
      wardName: c.wardCode ? (this.deps.places.wardName(c.wardCode) ?? null) : null,
      active: isActive(c, now),
      deepLink: checkpointDeepLink(this.deps.miniAppId, c.id),
    };
  }

  async create(input: z.output<typeof checkpointCreateRequestSchema>, actor: Actor, requestId?: string): Promise<StaffCheckpoint> {
    this.checkWard(input);
    const record = toRecord(input.id, input);
    const now = this.deps.now();
    try {
      await this.deps.db.transaction(async (tx) => {
        await new CheckpointRepository(tx).insert(record, now);
        await new AuditLog(tx).record(
          { actor, action: "checkpoint.created", target: { type: "checkpoint", id: record.id }, reason: input.reason, requestId, details: { after: record } },
          now,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw validationFailed([{ path: "id", code: "checkpoint.id_taken" }]);
      throw error;
    }
    return this.view(record, now);
  }

  async update(id: string, input: Fields, actor: Actor, requestId?: string): Promise<StaffCheckpoint> {
    this.checkWard(input);
    const now = this.deps.now();
    const after = toRecord(id, input);
    await this.deps.db.transaction(async (tx) => {
      const repo = new CheckpointRepository(tx);
      const before = await repo.get(id);
      if (!before) throw new AppError("checkpoint.not_found", 404, { params: { id } });
      const changed = changedFields(before, after);
      // Saving an unchanged form writes nothing, so the log holds only real changes.
      if (changed.length === 0) return;
      await repo.upsert(after, now);
      await new AuditLog(tx).record({ actor, action: "checkpoint.updated", target: { type: "checkpoint", id }, reason: input.reason, requestId, details: { before, after, changed } }, now);
    });
    return this.view(after, now);
  }

  /** Ends the active period now; the record stays (declarations refer to it, posters may hang on). */
  async deactivate(id: string, actor: Actor, reason: string | undefined, requestId?: string): Promise<StaffCheckpoint> {
    const now = this.deps.now();
    let after: CheckpointRecord | undefined;
    await this.deps.db.transaction(async (tx) => {
      const repo = new CheckpointRepository(tx);
      const before = await repo.get(id);
      if (!before) throw new AppError("checkpoint.not_found", 404, { params: { id } });
      const t = now.toISOString();
      if (before.activeTo !== null && before.activeTo <= t) throw new AppError("checkpoint.already_inactive", 409);
      // A checkpoint not open yet gets an empty window [now, now): it never opens.
      after = { ...before, activeTo: t, ...(before.activeFrom !== null && before.activeFrom > t ? { activeFrom: t } : {}) };
      await repo.upsert(after, now);
      await new AuditLog(tx).record(
        { actor, action: "checkpoint.deactivated", target: { type: "checkpoint", id }, reason, requestId, details: { before, after, changed: changedFields(before, after) } },
        now,
      );
    });
    return this.view(after as CheckpointRecord, now);
  }

  private checkWard(input: Pick<Fields, "provinceCode" | "wardCode">): void {
    if (input.wardCode === null) return;
    const check = checkWardInProvince(input.wardCode, input.provinceCode, this.deps.wards);
    if (!check.ok) {
      const issue: FieldIssue = { path: "wardCode", code: check.code, ...(check.params ? { params: check.params } : {}) };
      throw validationFailed([issue]);
    }
  }
}

function toRecord(id: string, f: Fields): CheckpointRecord {
  return {
    id,
    name: f.name,
    provinceCode: f.provinceCode,
    wardCode: f.wardCode,
    address: f.address,
    direction: f.direction,
    latitude: f.latitude,
    longitude: f.longitude,
    activeFrom: f.activeFrom,
    activeTo: f.activeTo,
    notes: f.notes,
  };
}

function changedFields(before: CheckpointRecord, after: CheckpointRecord): string[] {
  return (Object.keys(after) as Array<keyof CheckpointRecord>).filter((k) => before[k] !== after[k]);
}
