import { z } from "zod";
import { CONSENT_SCOPES } from "./consent-texts";

export const consentScopeSchema = z.enum(CONSENT_SCOPES, { error: "consent.scope_unknown" });

/** One consent as the citizen sees it: what, which text, when given, and when withdrawn. */
export const consentSchema = z.object({
  id: z.string(),
  scope: consentScopeSchema,
  version: z.string(),
  givenAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

/** GET /api/me/consents: every consent of the user, newest first; `active` per scope. */
export const myConsentsResponseSchema = z.object({
  consents: z.array(consentSchema),
  active: z.object({ declaration: z.boolean(), phone: z.boolean(), profile: z.boolean() }),
});
export type MyConsentsResponse = z.infer<typeof myConsentsResponseSchema>;

/** POST /api/me/consents: the citizen agreed to this text (shown in the app) now. */
export const giveConsentRequestSchema = z.object({
  scope: consentScopeSchema,
  version: z.string().min(1).max(32),
});
export type GiveConsentRequest = z.infer<typeof giveConsentRequestSchema>;

export const deletionStatusSchema = z.enum(["received", "waiting_delivery", "done"]);
export type DeletionStatus = z.infer<typeof deletionStatusSchema>;

/**
 * A citizen's request to delete their data. `waiting_delivery`: some declarations have not reached
 * the declaration backend yet; they are delivered first (the law requires the authorities to get
 * them), then purged, and the request becomes `done`.
 */
export const deletionRequestSchema = z.object({
  id: z.string(),
  status: deletionStatusSchema,
  requestedAt: z.string(),
  completedAt: z.string().nullable(),
  declarationsPurged: z.number().int(),
  declarationsWaiting: z.number().int(),
});
export type DeletionRequest = z.infer<typeof deletionRequestSchema>;

/** POST /api/me/deletion-requests (201) and GET /api/me/deletion-requests (the latest, or null). */
export const deletionRequestResponseSchema = z.object({ request: deletionRequestSchema.nullable() });
export type DeletionRequestResponse = z.infer<typeof deletionRequestResponseSchema>;

/** One run of the retention job, for the console. */
export const retentionRunSchema = z.object({
  id: z.number().int(),
  trigger: z.enum(["schedule", "cli", "console"]),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  cutoff: z.string(),
  declarationsPurged: z.number().int(),
  inboxPurged: z.number().int(),
  /** Chat texts both ways, bodies of outgoing messages, and staff's private notes (deleted). */
  messagesPurged: z.number().int(),
  deletionRequestsDone: z.number().int(),
  error: z.string().nullable(),
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;

/** POST /api/staff/privacy/retention/run: the run, or `skipped` when another instance holds the job. */
export const retentionRunResponseSchema = z.object({ skipped: z.boolean(), run: retentionRunSchema.nullable() });
export type RetentionRunResponse = z.infer<typeof retentionRunResponseSchema>;

/** GET /api/staff/privacy/retention */
export const retentionRunsResponseSchema = z.object({
  retentionDays: z.number().int(),
  runs: z.array(retentionRunSchema),
  /** Declarations past the limit still waiting for the backend (kept until delivered). */
  heldForDelivery: z.number().int(),
});
export type RetentionRunsResponse = z.infer<typeof retentionRunsResponseSchema>;
