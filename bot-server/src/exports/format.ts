import type { ExportDetail, ExportQuery, ExportSummary } from "@khaibao/shared";
import { toCsv } from "./csv";

const DIRECTION: Record<string, string> = { into: "Vào thành phố", out_of: "Ra khỏi thành phố" };
const GENDER: Record<string, string> = { male: "Nam", female: "Nữ", other: "Khác" };
const ID_KIND: Record<string, string> = { cccd: "CCCD", cmnd: "CMND", passport: "Hộ chiếu" };
const VEHICLE: Record<string, string> = { car: "Ô tô", motorbike: "Xe máy", truck: "Xe tải", coach: "Xe khách", train: "Tàu hỏa", plane: "Máy bay", other: "Khác" };
const PURPOSE: Record<string, string> = { work: "Công việc", official: "Công vụ", medical: "Khám chữa bệnh", goods: "Vận chuyển hàng hóa thiết yếu", other: "Khác" };
const SYMPTOM: Record<string, string> = { fever: "Sốt", cough: "Ho", shortnessOfBreath: "Khó thở", soreThroat: "Đau họng", fatigue: "Mệt mỏi", lossOfTasteOrSmell: "Mất vị giác/khứu giác" };
const TEST: Record<string, string> = { none: "Không", pcr: "PCR", rapid: "Test nhanh" };
const RESULT: Record<string, string> = { negative: "Âm tính", positive: "Dương tính" };
const STATUS: Record<string, string> = { accepted: "Đã tiếp nhận", forwarded: "Đã chuyển", rejected: "Bị từ chối", revoked: "Đã thu hồi" };

/** `2026-11-28T01:30:00.000Z` -> `2026-11-28 08:30` (Vietnam time, as the department reads it). */
export function vietnamTime(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

const label = (map: Record<string, string>, v: string | null) => (v === null ? null : (map[v] ?? v));

export function summaryCsv(s: ExportSummary): string {
  const header = ["Nhóm", "Mã", "Tên", "Tỉnh/Thành phố", "Vào thành phố", "Ra khỏi thành phố", "Tổng"];
  const rows = [
    ...s.byWard.map((w) => ["Phường/xã đến", w.wardCode ?? "", w.wardName ?? "(không rõ phường/xã)", w.provinceName, w.into, w.outOf, w.total]),
    ...s.byCheckpoint.map((c) => ["Chốt kiểm soát", c.checkpointId, c.checkpointName ?? "", "", c.into, c.outOf, c.total]),
  ];
  return toCsv(header, rows);
}

export function detailCsv(d: ExportDetail): string {
  const header = [
    "Mã phiếu", "Thời gian (giờ Việt Nam)", "Mã chốt", "Tên chốt", "Chiều", "Tỉnh/Thành phố đến", "Mã phường/xã đến", "Phường/xã đến",
    "Họ và tên", "Loại giấy tờ", "Số giấy tờ", "Ngày sinh", "Giới tính", "Số điện thoại", "Mã tỉnh đi", "Phương tiện", "Biển số",
    "Mục đích", "Triệu chứng", "Tiếp xúc ca bệnh", "Xét nghiệm", "Kết quả", "Số mũi vắc xin", "Trạng thái", "Còn dữ liệu cá nhân",
  ];
  const rows = d.rows.map((r) => [
    r.receiptCode, vietnamTime(r.issuedAt), r.checkpointId, r.checkpointName, label(DIRECTION, r.direction), r.destinationProvinceName,
    r.destinationWardCode, r.destinationWardName, r.fullName, label(ID_KIND, r.idKind), r.idNumber, r.birthDate, label(GENDER, r.gender), r.phone,
    r.departureProvinceCode, label(VEHICLE, r.vehicle), r.plate, label(PURPOSE, r.purpose),
    r.symptoms === null ? null : r.symptoms.map((k) => SYMPTOM[k] ?? k).join("; ") || "Không",
    r.contactWithCase === null ? null : r.contactWithCase ? "Có" : "Không", label(TEST, r.testKind), label(RESULT, r.testResult), r.vaccineDoses,
    label(STATUS, r.status), r.personalData ? "Có" : "Đã xóa theo thời hạn lưu trữ",
  ]);
  // Name and plate are typed by citizens: never let a spreadsheet run them as formulas.
  return toCsv(header, rows, new Set([8, 16]));
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
  rows: number;
}

export function exportFile(query: ExportQuery, data: { summary?: ExportSummary; detail?: ExportDetail }): ExportFile {
  const filename = `khaibao-${query.date}-${query.kind === "summary" ? "tong-hop" : "chi-tiet"}.${query.format}`;
  const content = query.kind === "summary" ? (data.summary as ExportSummary) : (data.detail as ExportDetail);
  const rows = query.kind === "summary" ? (data.summary as ExportSummary).total : (data.detail as ExportDetail).total;
  if (query.format === "json") return { body: Buffer.from(`${JSON.stringify(content, null, 2)}\n`, "utf8"), contentType: "application/json; charset=utf-8", filename, rows };
  const csv = query.kind === "summary" ? summaryCsv(content as ExportSummary) : detailCsv(content as ExportDetail);
  return { body: Buffer.from(csv, "utf8"), contentType: "text/csv; charset=utf-8", filename, rows };
}
