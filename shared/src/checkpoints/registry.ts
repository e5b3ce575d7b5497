import { z } from "zod";
import { provinceCodeSchema } from "../admin-units/schema";
import { checkpointDirectionSchema, checkpointIdSchema } from "./schema";

/**
 * The checkpoint registry as admins manage it in the console (`/api/staff/checkpoints`).
 * Ward existence is checked on the server against the administrative units data (the console
 * checks the shape with this schema first, the server adds `address.ward_unknown` and
 * `address.ward_not_in_province` on `wardCode`).
 */

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(max).nullable().default(null));

const isoOrNull = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.iso.datetime({ offset: true, error: "checkpoint.time_invalid" }).transform((s) => new Date(s).toISOString()).nullable(),
);

const coordinate = (min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : typeof v === "string" ? Number(v.replace(",", ".")) : v), z.number().min(min).max(max).nullable());

/** Everything an admin edits (the id is fixed once created: it is printed on posters). */
export const checkpointFieldsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  provinceCode: provinceCodeSchema,
  wardCode: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.string().regex(/^\d{5}$/, { error: "address.ward_unknown" }).nullable()),
  address: z.string().trim().max(300).default(""),
  direction: checkpointDirectionSchema,
  latitude: coordinate(-90, 90),
  longitude: coordinate(-180, 180),
  activeFrom: isoOrNull,
  activeTo: isoOrNull,
  notes: optionalText(1000),
  /** Why: goes into the audit log with the change. */
  reason: z.string().trim().max(500).optional(),
});

function refineFields(c: { latitude: number | null; longitude: number | null; activeFrom: string | null; activeTo: string | null }, ctx: z.RefinementCtx) {
  if ((c.latitude === null) !== (c.longitude === null)) {
    ctx.addIssue({ code: "custom", message: "checkpoint.coordinates_pair", path: [c.latitude === null ? "latitude" : "longitude"] });
  }
  if (c.activeFrom !== null && c.activeTo !== null && c.activeTo <= c.activeFrom) {
    ctx.addIssue({ code: "custom", message: "checkpoint.active_range", path: ["activeTo"] });
  }
}

/** PATCH /api/staff/checkpoints/:id: the whole editable record. */
export const checkpointUpdateRequestSchema = checkpointFieldsSchema.strict().superRefine(refineFields);
export type CheckpointUpdateRequest = z.input<typeof checkpointUpdateRequestSchema>;

/** POST /api/staff/checkpoints. */
export const checkpointCreateRequestSchema = checkpointFieldsSchema.extend({ id: checkpointIdSchema }).strict().superRefine(refineFields);
export type CheckpointCreateRequest = z.input<typeof checkpointCreateRequestSchema>;

/** POST /api/staff/checkpoints/:id/deactivate: ends the active period now. */
export const checkpointDeactivateRequestSchema = z.object({ reason: z.string().trim().max(500).optional() }).strict();

/** A checkpoint as admins see it: the stored record, names resolved, and whether it is active now. */
export const staffCheckpointSchema = z.object({
  id: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  wardCode: z.string().nullable(),
  wardName: z.string().nullable(),
  address: z.string(),
  direction: checkpointDirectionSchema,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  /** Where the poster's QR code leads. */
  deepLink: z.string(),
});
export type StaffCheckpoint = z.infer<typeof staffCheckpointSchema>;

export const staffCheckpointListResponseSchema = z.object({ checkpoints: z.array(staffCheckpointSchema) });
export const staffCheckpointResponseSchema = z.object({ checkpoint: staffCheckpointSchema });

export const POSTER_SIZES = ["A4", "A3"] as const;
export const posterSizeSchema = z.enum(POSTER_SIZES);
export type PosterSize = z.infer<typeof posterSizeSchema>;
export const POSTER_FORMATS = ["pdf", "png", "svg"] as const;
export const posterFormatSchema = z.enum(POSTER_FORMATS);
export type PosterFormat = z.infer<typeof posterFormatSchema>;

/**
 * What a checkpoint poster's QR code holds: the Zalo deep link that opens our Mini App with the
 * checkpoint preselected (the mini app reads `checkpoint`; `utm_source` tells poster scans apart).
 */
export function checkpointDeepLink(miniAppId: string, checkpointId: string): string {
  return `https://zalo.me/s/${encodeURIComponent(miniAppId)}/?checkpoint=${encodeURIComponent(checkpointId)}&utm_source=zalo-qr`;
}

/** The address printed under the QR for people who scan with another app or type it. */
export function checkpointFallbackUrl(publicBaseUrl: string, checkpointId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/app/?checkpoint=${encodeURIComponent(checkpointId)}`;
}
