import { z } from "zod";
import { declarationSchema } from "./declaration";
import { isoDateTimeSchema } from "./fields";


/**
 * POST /api/declarations. The idempotency key is made once per declaration on the device and
 * sent again on every retry: the same key always answers with the same receipt.
 */
export const submitDeclarationRequestSchema = z.object({
  idempotencyKey: z.uuid({ error: "declaration.idempotency_key_invalid" }),
  declaration: declarationSchema,
  clientSubmittedAt: isoDateTimeSchema.optional(),
});
export type SubmitDeclarationRequest = z.input<typeof submitDeclarationRequestSchema>;

// Receipts and the small /api/me contracts live apart from the declaration schema, so screens
// that only show receipts do not pull the whole form's validation into the first bundle.
export * from "./receipt-api";
