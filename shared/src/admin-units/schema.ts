import { z } from "zod";
import { PROVINCE_CODES } from "./generated/provinces";

/**
 * One of the 34 current province codes. Missing or empty gives `address.province_required`,
 * anything else that is not a current code (including a pre-2025 code such as "74") gives
 * `address.province_unknown`.
 */
export const provinceCodeSchema = z.enum(PROVINCE_CODES, {
  error: (iss) =>
    iss.input === undefined || iss.input === null || iss.input === "" ? "address.province_required" : "address.province_unknown",
});

/** A 5-digit ward code (format only; existence needs the ward data, see `checkWardInProvince`). */
export const wardCodeFormatSchema = z.string({ error: "address.ward_required" }).regex(/^\d{5}$/, { error: "address.ward_unknown" });

const provinceTypeSchema = z.enum(["municipality", "province"]);
const wardTypeSchema = z.enum(["ward", "commune", "special_zone"]);
const twoDigits = z.string().regex(/^\d{2}$/);
const fiveDigits = z.string().regex(/^\d{5}$/);

export const adminNoteSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const provinceSchema = z.object({
  code: twoDigits,
  name: z.string(),
  fullName: z.string(),
  nameAscii: z.string(),
  type: provinceTypeSchema,
  mergedFrom: z.array(twoDigits).readonly(),
  mergedFromNames: z.array(z.string()).readonly(),
});

export const wardSchema = z.object({
  code: fiveDigits,
  name: z.string(),
  provinceCode: twoDigits,
  type: wardTypeSchema.optional(),
  oldNames: z.array(z.string()).readonly().optional(),
  oldDistricts: z.array(z.string()).readonly().optional(),
});

/** A ward in search results: without its former names (the match says which one hit). */
export const wardSummarySchema = wardSchema.pick({ code: true, name: true, provinceCode: true, type: true });

/** GET /api/admin-units/provinces */
export const provinceListResponseSchema = z.object({ provinces: z.array(provinceSchema) });
export type ProvinceListResponse = z.infer<typeof provinceListResponseSchema>;

/** GET /api/admin-units/provinces/:code/wards */
export const wardListResponseSchema = z.object({
  province: z.object({ code: twoDigits, name: z.string() }),
  wards: z.array(wardSchema),
});
export type WardListResponse = z.infer<typeof wardListResponseSchema>;

/** GET /api/admin-units/wards/:code */
export const wardResponseSchema = z.object({
  ward: wardSchema,
  province: z.object({ code: twoDigits, name: z.string() }),
});
export type WardResponse = z.infer<typeof wardResponseSchema>;

export const wardMatchSchema = z.object({
  ward: wardSummarySchema,
  provinceName: z.string(),
  matchedName: z.string(),
  matchedKind: z.enum(["current", "old_ward", "old_district"]),
  score: z.number(),
  note: adminNoteSchema.optional(),
});

/** GET /api/admin-units/wards/search?q=&province=&limit= */
export const wardSearchResponseSchema = z.object({ query: z.string(), results: z.array(wardMatchSchema) });
export type WardSearchResponse = z.infer<typeof wardSearchResponseSchema>;

export const provinceMatchSchema = z.object({
  province: provinceSchema,
  matchedName: z.string(),
  matchedKind: z.enum(["current", "former", "alias"]),
  score: z.number(),
  note: adminNoteSchema.optional(),
});

/** GET /api/admin-units/provinces/search?q= */
export const provinceSearchResponseSchema = z.object({ query: z.string(), results: z.array(provinceMatchSchema) });
export type ProvinceSearchResponse = z.infer<typeof provinceSearchResponseSchema>;

/** Query string of the search endpoints. */
export const adminUnitSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  /** Empty (`?province=`) means all provinces. */
  province: z.preprocess((v) => (v === "" ? undefined : v), provinceCodeSchema.optional()),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type AdminUnitSearchQuery = z.infer<typeof adminUnitSearchQuerySchema>;
