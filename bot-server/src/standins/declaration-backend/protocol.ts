import { z } from "zod";

/**
 * The declaration backend's protocol, as the stand-in speaks it (and as we expect the city's
 * backend to): `POST /v1/declarations`, JSON, `Authorization: Bearer <token>`,
 * `Idempotency-Key: <our declaration id>`.
 *
 *   201 {id, status: "created"}     stored now
 *   200 {id, status: "duplicate"}   this Idempotency-Key was stored before; nothing new stored
 *   422 {reason}                    refused for what it says; sending it again changes nothing
 *   400 {reason}                    malformed request (no Idempotency-Key)
 *   401 {reason}                    bad or missing token
 *   503 {reason}                    try later
 */
/** The stand-in's token when none is given; a development value, never a real backend's. */
export const DEFAULT_STANDIN_TOKEN = "dev-only-declaration-backend-token";

export const declarationEnvelopeSchema = z.object({
  declarationId: z.string().min(1).max(100),
  receiptCode: z.string().regex(/^\d{10}$/),
  checkpointId: z.string().min(1).max(60),
  direction: z.enum(["into", "out_of"]),
  issuedAt: z.string(),
  expiresAt: z.string(),
  clientSubmittedAt: z.string().nullable().optional(),
  channel: z.string().optional(),
  declaration: z.record(z.string(), z.unknown()),
});
export type DeclarationEnvelope = z.infer<typeof declarationEnvelopeSchema>;

/**
 * Fault controls, `POST /__control` (partial updates; `reset: true` first restores the defaults):
 * - `failRate` 0..1: that share of requests answers 503 before anything is stored;
 * - `down: true` or `downUntil` (ISO time or epoch ms): connections are cut without an answer;
 * - `latencyMs`: wait after storing and before answering (longer than the client's timeout =
 *   a stored declaration whose answer is lost);
 * - `rejectIds` (Idempotency-Keys) / `rejectRate` 0..1: 422 rejections of first deliveries.
 */
export const controlsUpdateSchema = z.object({
  reset: z.boolean().optional(),
  failRate: z.number().min(0).max(1).optional(),
  down: z.boolean().optional(),
  downUntil: z.union([z.iso.datetime({ offset: true }), z.number().int().min(0), z.null()]).optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  rejectIds: z.array(z.string()).optional(),
  rejectRate: z.number().min(0).max(1).optional(),
});
export type ControlsUpdate = z.infer<typeof controlsUpdateSchema>;

export interface Controls {
  failRate: number;
  down: boolean;
  /** Epoch ms, or null. */
  downUntil: number | null;
  latencyMs: number;
  rejectIds: string[];
  rejectRate: number;
}

export const DEFAULT_CONTROLS: Controls = { failRate: 0, down: false, downUntil: null, latencyMs: 0, rejectIds: [], rejectRate: 0 };

export function applyControls(current: Controls, update: ControlsUpdate): Controls {
  const base = update.reset ? { ...DEFAULT_CONTROLS } : { ...current };
  if (update.failRate !== undefined) base.failRate = update.failRate;
  if (update.down !== undefined) base.down = update.down;
  if (update.downUntil !== undefined) base.downUntil = typeof update.downUntil === "string" ? Date.parse(update.downUntil) : update.downUntil;
  if (update.latencyMs !== undefined) base.latencyMs = update.latencyMs;
  if (update.rejectIds !== undefined) base.rejectIds = [...update.rejectIds];
  if (update.rejectRate !== undefined) base.rejectRate = update.rejectRate;
  return base;
}

/** `GET /v1/declarations?count`: what the backend holds. */
export interface BackendCounts {
  /** Distinct Idempotency-Keys stored as accepted: the number of declarations received. */
  count: number;
  rejected: number;
  /** Distinct declaration ids and receipt codes among the accepted ones (equal to count unless something was sent twice under two keys). */
  distinctDeclarationIds: number;
  distinctReceiptCodes: number;
  /** Every delivery, first ones and repeats. */
  deliveries: number;
}
