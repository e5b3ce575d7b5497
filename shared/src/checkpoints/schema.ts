import { z } from "zod";

/** Checkpoint ids are printed on posters and typed by people: short, upper case, e.g. `HN-PHAPVAN`. */
export const checkpointIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,3}-[A-Z0-9-]{2,40}$/, { error: "checkpoint.id_format" });

export const checkpointDirectionSchema = z.enum(["into", "out_of", "both"]);
export type CheckpointDirection = z.infer<typeof checkpointDirectionSchema>;

/** A checkpoint as the public API shows it (to the mini app and the poster). */
export const checkpointSchema = z.object({
  id: checkpointIdSchema,
  name: z.string().min(1).max(120),
  provinceCode: z.string().regex(/^\d{2}$/),
  provinceName: z.string(),
  wardCode: z.string().regex(/^\d{5}$/).nullable(),
  wardName: z.string().nullable(),
  address: z.string().max(300),
  direction: checkpointDirectionSchema,
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  active: z.boolean(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** GET /api/checkpoints/:id */
export const checkpointResponseSchema = z.object({ checkpoint: checkpointSchema });
export type CheckpointResponse = z.infer<typeof checkpointResponseSchema>;

/** GET /api/checkpoints */
export const checkpointListResponseSchema = z.object({ checkpoints: z.array(checkpointSchema) });
