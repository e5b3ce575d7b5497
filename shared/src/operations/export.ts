import { z } from "zod";

/**
 * The daily export for the department (`GET /api/staff/exports/declarations` and
 * `npm run export`): a Vietnam day's declarations, as a summary (counts by destination ward
 * and by checkpoint) or as detailed rows with the personal fields decrypted.
 */
export const EXPORT_FORMATS = ["csv", "json"] as const;
export const EXPORT_KINDS = ["summary", "detail"] as const;

export const exportDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "export.date_invalid" })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: "export.date_invalid" });

export const exportQuerySchema = z.object({
  date: exportDateSchema,
  format: z.enum(EXPORT_FORMATS).default("csv"),
  kind: z.enum(EXPORT_KINDS).default("summary"),
});
export type ExportQuery = z.output<typeof exportQuerySchema>;
export type ExportFormat = ExportQuery["format"];
export type ExportKind = ExportQuery["kind"];

export const exportWardCountSchema = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  /** Null: the declaration named a province but no ward. */
  wardCode: z.string().nullable(),
  wardName: z.string().nullable(),
  into: z.number().int(),
  outOf: z.number().int(),
  total: z.number().int(),
});
export const exportCheckpointCountSchema = z.object({
  checkpointId: z.string(),
  checkpointName: z.string().nullable(),
  into: z.number().int(),
  outOf: z.number().int(),
  total: z.number().int(),
});

export const exportSummarySchema = z.object({
  date: z.string(),
  timeZone: z.literal("Asia/Ho_Chi_Minh"),
  generatedAt: z.string(),
  total: z.number().int(),
  byWard: z.array(exportWardCountSchema),
  byCheckpoint: z.array(exportCheckpointCountSchema),
});
export type ExportSummary = z.infer<typeof exportSummarySchema>;

/** One declaration in the detailed export. Personal fields are null once the retention job purged them. */
export const exportDetailRowSchema = z.object({
  receiptCode: z.string(),
  issuedAt: z.string(),
  checkpointId: z.string(),
  checkpointName: z.string().nullable(),
  direction: z.enum(["into", "out_of"]),
  status: z.string(),
  destinationProvinceCode: z.string(),
  destinationProvinceName: z.string(),
  destinationWardCode: z.string().nullable(),
  destinationWardName: z.string().nullable(),
  fullName: z.string().nullable(),
  idKind: z.string().nullable(),
  idNumber: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.string().nullable(),
  phone: z.string().nullable(),
  departureProvinceCode: z.string().nullable(),
  vehicle: z.string().nullable(),
  plate: z.string().nullable(),
  purpose: z.string().nullable(),
  symptoms: z.array(z.string()).nullable(),
  contactWithCase: z.boolean().nullable(),
  testKind: z.string().nullable(),
  testResult: z.string().nullable(),
  vaccineDoses: z.number().int().nullable(),
  /** False when the personal fields were purged (retention) or could not be opened. */
  personalData: z.boolean(),
});
export type ExportDetailRow = z.infer<typeof exportDetailRowSchema>;

export const exportDetailSchema = z.object({
  date: z.string(),
  timeZone: z.literal("Asia/Ho_Chi_Minh"),
  generatedAt: z.string(),
  total: z.number().int(),
  rows: z.array(exportDetailRowSchema),
});
export type ExportDetail = z.infer<typeof exportDetailSchema>;
