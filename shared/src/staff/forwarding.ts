import { z } from "zod";

/**
 * The forwarding page's API (`/api/staff/forwarding`): declarations the city's backend refused
 * (`rejected`, with its reason) or never took after every attempt (`dead`), and the staff's
 * "send again". Rows carry no personal data: receipt code, checkpoint, the masked holder name
 * at most; the declaration itself stays sealed on the server.
 */

export const FORWARDING_PROBLEM_STATES = ["rejected", "dead"] as const;
export const forwardingProblemStateSchema = z.enum(FORWARDING_PROBLEM_STATES);
export type ForwardingProblemState = z.infer<typeof forwardingProblemStateSchema>;

export const forwardingProblemSchema = z.object({
  declarationId: z.string(),
  receiptCode: z.string(),
  checkpointId: z.string(),
  /** The checkpoint's name when it is still known. */
  checkpointName: z.string().nullable(),
  /** As printed on the receipt (`NGUYEN V** A*`): enough to recognise a call, not to identify. */
  holderNameMasked: z.string(),
  state: forwardingProblemStateSchema,
  /** Sends of the current round (a retry starts a new round at 0). */
  attempts: z.number().int(),
  /**
   * `rejected`: the backend's reason (`rejected_by_rule`, `http_422`, ...), as it said it.
   * `dead`: the last failure (`backend answered HTTP 503`, `request failed: ECONNABORTED`).
   */
  reason: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** When it became rejected or dead. */
  finishedAt: z.string().nullable(),
  /** When the citizen declared. */
  createdAt: z.string(),
  /** How many times staff already sent it again. */
  resends: z.number().int(),
  /**
   * The retention job (or the citizen's deletion request) blanked its personal data: nothing is
   * left to send, so it cannot be sent again (the retry answers `forwarding.personal_data_purged`).
   */
  personalDataPurged: z.boolean(),
});
export type ForwardingProblem = z.infer<typeof forwardingProblemSchema>;

/** Where `before` points: `<finishedAt>|<declarationId>` of the last row of the previous page. */
const CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[A-Za-z0-9-]{1,100}$/;

/** GET /api/staff/forwarding?state=rejected|dead&limit=&before=: newest first. */
export const forwardingQuerySchema = z.object({
  state: forwardingProblemStateSchema.default("rejected"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().regex(CURSOR).optional(),
});
export type ForwardingQuery = z.output<typeof forwardingQuerySchema>;

export const forwardingCountsSchema = z.object({
  /** Waiting for a (first or next) send: the backlog. */
  pending: z.number().int(),
  rejected: z.number().int(),
  dead: z.number().int(),
  /** Delivered since midnight, Vietnam time. */
  forwardedToday: z.number().int(),
});
export type ForwardingCounts = z.infer<typeof forwardingCountsSchema>;

export const forwardingListResponseSchema = z.object({
  counts: forwardingCountsSchema,
  items: z.array(forwardingProblemSchema),
  /** `before` for the next page; null on the last one. */
  nextBefore: z.string().nullable(),
});
export type ForwardingListResponse = z.infer<typeof forwardingListResponseSchema>;

export const FORWARDING_RETRY_MAX = 500;

/** POST /api/staff/forwarding/retry. The reason goes into the audit log as written. */
export const forwardingRetryRequestSchema = z
  .object({
    declarationIds: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(FORWARDING_RETRY_MAX)
      .transform((ids) => [...new Set(ids)]),
    reason: z.string().trim().min(3).max(500),
  })
  .strict();
export type ForwardingRetryRequest = z.input<typeof forwardingRetryRequestSchema>;

export const forwardingRetryResponseSchema = z.object({
  /** Moved back to pending, by the state they were in. */
  retried: z.object({ rejected: z.array(z.string()), dead: z.array(z.string()) }),
  /** Not rejected or dead (any more): already pending, forwarded, revoked or unknown. */
  skipped: z.array(z.string()),
});
export type ForwardingRetryResponse = z.infer<typeof forwardingRetryResponseSchema>;

/** `finishedAt|declarationId`, the paging cursor. */
export function forwardingCursor(row: Pick<ForwardingProblem, "finishedAt" | "declarationId">): string | null {
  return row.finishedAt ? `${row.finishedAt}|${row.declarationId}` : null;
}
