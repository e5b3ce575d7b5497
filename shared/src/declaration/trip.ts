import { z } from "zod";
import { provinceCodeSchema } from "../admin-units";
import { checkpointIdSchema } from "../checkpoints/schema";
import { normalizePlate } from "../identifiers";
import { freeText, isoDateTimeSchema } from "./fields";
import { wardCodeSchema } from "./residence";

export const vehicleSchema = z.enum(["car", "motorbike", "truck", "coach", "train", "plane", "other"], { error: "trip.vehicle_required" });
export type Vehicle = z.infer<typeof vehicleSchema>;
export const purposeSchema = z.enum(["work", "official", "medical", "goods", "other"], { error: "trip.purpose_required" });
export const travelDirectionSchema = z.enum(["into", "out_of"], { error: "trip.direction_required" });

/** Road vehicles carry a plate; public transport a flight or train code. */
export const ROAD_VEHICLES: readonly Vehicle[] = ["car", "motorbike", "truck", "coach"];

const placeSchema = z.object({ provinceCode: provinceCodeSchema, wardCode: wardCodeSchema.optional() });

const tripFields = z.object({
  checkpointId: checkpointIdSchema,
  direction: travelDirectionSchema,
  departure: placeSchema,
  destination: placeSchema,
  travelAt: isoDateTimeSchema,
  vehicle: vehicleSchema,
  // Checked for its shape wherever typed; whether it is required depends on the vehicle (below).
  plate: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return undefined;
      const r = normalizePlate(raw);
      // Keep what was typed: the canonical form depends on the vehicle (below).
      if (r.ok) return raw;
      ctx.issues.push({ code: "custom", message: r.code, input: raw });
      return z.NEVER;
    }),
  transportCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,8}$/, { error: "trip.transport_code_format" }).optional(),
  seat: freeText(10).optional(),
  purpose: purposeSchema,
  purposeNote: freeText(200).optional(),
  employer: freeText(200).optional(),
});

// Built once: zod compiles each schema on first use, so a pick() inside `when` would compile anew per parse.
const tripRequirementInput = tripFields.pick({ vehicle: true, purpose: true, transportCode: true, purposeNote: true });

/**
 * Step 3: the trip. The plate is required for road vehicles and comes out canonical
 * (`29A-123.45`); a flight or train code for planes and trains; a note when the purpose is
 * "other". `when` lets these checks report while unrelated fields are still being typed.
 */
export const tripSchema = tripFields.superRefine(
  (t, ctx) => {
    // A plate that failed its own shape check has already been reported; don't add "required".
    if (ROAD_VEHICLES.includes(t.vehicle) && !t.plate && !ctx.issues.some((i) => i.path?.[0] === "plate")) {
      ctx.addIssue({ code: "custom", message: "trip.plate_required", path: ["plate"], input: t.plate });
    }
    if ((t.vehicle === "plane" || t.vehicle === "train") && !t.transportCode) {
      ctx.addIssue({ code: "custom", message: "trip.transport_code_required", path: ["transportCode"], input: t.transportCode });
    }
    if (t.purpose === "other" && !t.purposeNote) {
      ctx.addIssue({ code: "custom", message: "trip.purpose_note_required", path: ["purposeNote"], input: t.purposeNote });
    }
  },
  { when: (payload) => tripRequirementInput.safeParse(payload.value).success },
).transform((t) => {
  if (!t.plate) return t;
  // `29A12345` reads as car `29A-123.45` or motorbike `29-A1 2345`: the vehicle settles it.
  const kind = t.vehicle === "motorbike" ? "motorbike" : ROAD_VEHICLES.includes(t.vehicle) ? "car" : undefined;
  const r = normalizePlate(t.plate, kind ? { kind } : {});
  return r.ok ? { ...t, plate: r.value } : t;
});
export type Trip = z.output<typeof tripSchema>;
