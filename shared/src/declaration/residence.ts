import { z } from "zod";
import { provinceCodeSchema } from "../admin-units";
import { requiredText } from "./fields";

export const wardCodeSchema = z.string().regex(/^\d{5}$/, { error: "address.ward_required" });

/** Step 2: where the person lives (since 1 July 2025: province -> ward, no district). */
export const residenceSchema = z.object({
  provinceCode: provinceCodeSchema,
  wardCode: wardCodeSchema,
  street: requiredText(200),
});
export type Residence = z.output<typeof residenceSchema>;
