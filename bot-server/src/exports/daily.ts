import {
  addDays,
  SYMPTOM_KEYS,
  vietnamDayStart,
  type Declaration,
  type ExportDetail,
  type ExportDetailRow,
  type ExportSummary,
} from "@khaibao/shared";
import type { PlaceNames } from "../checkpoints/routes";
import type { SealedDeclaration } from "../declarations/record";
import type { FieldCipher } from "../privacy/types";
import type { Queryable } from "../storage";

interface DetailRow {
  receipt_code: string;
  issued_at: string;
  checkpoint_id: string;
  checkpoint_name: string | null;
  direction: "into" | "out_of";
  status: string;
  destination_province_code: string;
  destination_ward_code: string | null;
  sealed: Buffer | null;
  sealed_key_id: string | null;
}

/** The department's daily export: a Vietnam day of declarations, counted or in detail. */
export class DailyExport {
  constructor(
    private readonly deps: { db: Queryable; cipher: FieldCipher; places: PlaceNames; now: () => Date },
  ) {}

  private range(date: string): [Date, Date] {
    return [vietnamDayStart(date), vietnamDayStart(addDays(date, 1))];
  }

  async summary(date: string): Promise<ExportSummary> {
    const [from, until] = this.range(date);
    const wards = await this.deps.db.all<{ p: string; w: string | null; direction: string; n: number | string }>(
      `SELECT destination_province_code AS p, destination_ward_code AS w, direction, COUNT(*) AS n
         FROM declarations WHERE issued_at >= $1 AND issued_at < $2
        GROUP BY destination_province_code, destination_ward_code, direction`,
      [from, until],
    );
    const checkpoints = await this.deps.db.all<{ id: string; name: string | null; direction: string; n: number | string }>(
      `SELECT d.checkpoint_id AS id, c.name AS name, d.direction, COUNT(*) AS n
         FROM declarations d LEFT JOIN checkpoints c ON c.id = d.checkpoint_id
        WHERE d.issued_at >= $1 AND d.issued_at < $2
        GROUP BY d.checkpoint_id, c.name, d.direction`,
      [from, until],
    );
    const { places } = this.deps;
    const byWard = new Map<string, ExportSummary["byWard"][number]>();
    for (const r of wards) {
      const key = `${r.p}|${r.w ?? ""}`;
      const entry = byWard.get(key) ?? {
        provinceCode: r.p,
        provinceName: places.provinceName(r.p) ?? r.p,
        wardCode: r.w,
        wardName: r.w ? (places.wardName(r.w) ?? null) : null,
        into: 0,
        outOf: 0,
        total: 0,
      };
      add(entry, r.direction, Number(r.n));
      byWard.set(key, entry);
    }
    const byCheckpoint = new Map<string, ExportSummary["byCheckpoint"][number]>();
    for (const r of checkpoints) {
      const entry = byCheckpoint.get(r.id) ?? { checkpointId: r.id, checkpointName: r.name, into: 0, outOf: 0, total: 0 };
      add(entry, r.direction, Number(r.n));
      byCheckpoint.set(r.id, entry);
    }
    const wardList = [...byWard.values()].sort((a, b) => b.total - a.total || `${a.provinceCode}${a.wardCode ?? ""}`.localeCompare(`${b.provinceCode}${b.wardCode ?? ""}`));
    const checkpointList = [...byCheckpoint.values()].sort((a, b) => b.total - a.total || a.checkpointId.localeCompare(b.checkpointId));
    return {
      date,
      timeZone: "Asia/Ho_Chi_Minh",
      generatedAt: this.deps.now().toISOString(),
      total: checkpointList.reduce((s, c) => s + c.total, 0),
      byWard: wardList,
      byCheckpoint: checkpointList,
    };
  }

  /** Every declaration of the day, oldest first, with the personal fields opened. */
  async detail(date: string): Promise<ExportDetail> {
    const [from, until] = this.range(date);
    const rows = await this.deps.db.all<DetailRow>(
      `SELECT d.receipt_code, d.issued_at, d.checkpoint_id, c.name AS checkpoint_name, d.direction, d.status,
              d.destination_province_code, d.destination_ward_code, d.sealed, d.sealed_key_id
         FROM declarations d LEFT JOIN checkpoints c ON c.id = d.checkpoint_id
        WHERE d.issued_at >= $1 AND d.issued_at < $2
        ORDER BY d.issued_at, d.receipt_code`,
      [from, until],
    );
    return {
      date,
      timeZone: "Asia/Ho_Chi_Minh",
      generatedAt: this.deps.now().toISOString(),
      total: rows.length,
      rows: rows.map((r) => this.detailRow(r)),
    };
  }

  private open(r: DetailRow): Declaration | undefined {
    // Purged by the retention job or a deletion request: nothing sealed any more.
    if (!r.sealed || r.sealed.length === 0 || !r.sealed_key_id) return undefined;
    try {
      return this.deps.cipher.openJson<SealedDeclaration<Declaration>>(r.sealed).declaration;
    } catch {
      return undefined;
    }
  }

  private detailRow(r: DetailRow): ExportDetailRow {
    const d = this.open(r);
    const { places } = this.deps;
    const test = d?.test;
    return {
      receiptCode: r.receipt_code,
      issuedAt: r.issued_at,
      checkpointId: r.checkpoint_id,
      checkpointName: r.checkpoint_name,
      direction: r.direction,
      status: r.status,
      destinationProvinceCode: r.destination_province_code,
      destinationProvinceName: places.provinceName(r.destination_province_code) ?? r.destination_province_code,
      destinationWardCode: r.destination_ward_code,
      destinationWardName: r.destination_ward_code ? (places.wardName(r.destination_ward_code) ?? null) : null,
      fullName: d?.identity.fullName ?? null,
      idKind: d?.identity.idKind ?? null,
      idNumber: d?.identity.idNumber ?? null,
      birthDate: d?.identity.birthDate ?? null,
      gender: d?.identity.gender ?? null,
      phone: d ? nationalPhone(d.identity.phone) : null,
      departureProvinceCode: d?.trip.departure.provinceCode ?? null,
      vehicle: d?.trip.vehicle ?? null,
      plate: d?.trip.plate ?? null,
      purpose: d?.trip.purpose ?? null,
      symptoms: d ? SYMPTOM_KEYS.filter((k) => d.health[k]) : null,
      contactWithCase: d ? d.health.contactWithCase : null,
      testKind: test ? test.kind : null,
      testResult: test && test.kind !== "none" ? test.result : null,
      vaccineDoses: d ? d.vaccination.doses : null,
      personalData: d !== undefined,
    };
  }
}

function add(entry: { into: number; outOf: number; total: number }, direction: string, n: number): void {
  if (direction === "into") entry.into += n;
  else entry.outOf += n;
  entry.total += n;
}

/** `+84912345678` as people in Vietnam write it, `0912345678` (and no leading `+` for spreadsheets). */
function nationalPhone(e164: string): string {
  return e164.startsWith("+84") ? `0${e164.slice(3)}` : e164;
}
