import { Router } from "express";
import { forwardingCursor, forwardingQuerySchema, forwardingRetryRequestSchema, type ForwardingListResponse, type ForwardingRetryResponse } from "@khaibao/shared";
import type { DeadLetters } from "../../declarations/dead-letters";
import { validate } from "../../http/validate";
import type { AuditLog } from "../audit";
import { requirePermission, staffLocals } from "../middleware";

export interface ForwardingRouteDeps {
  deadLetters: DeadLetters;
  audit: AuditLog;
  now: () => Date;
}

/**
 * Supervisors and admins: declarations the backend rejected or never took.
 * - `GET /forwarding?state=rejected|dead&limit=&before=`: the counts and one page of rows.
 * - `POST /forwarding/retry {declarationIds, reason}`: back to pending, one audit entry per
 *   declaration moved, in the same transaction. A rejection is the backend's final word on what
 *   it received; staff resend one after it was put right on the backend's side, so a rejected
 *   declaration goes back to `accepted` and is sent under a new idempotency key. One whose
 *   personal data were already purged (retention, deletion request) cannot be: 409
 *   `forwarding.personal_data_purged`, with the offending `declarationIds.<i>`, and nothing moves.
 */
export function forwardingRoutes(deps: ForwardingRouteDeps): Router {
  const router = Router();
  const allowed = requirePermission("manageForwarding");

  router.get("/forwarding", allowed, async (req, res) => {
    const query = validate(forwardingQuerySchema, req.query);
    const [counts, items] = await Promise.all([deps.deadLetters.counts(), deps.deadLetters.problems(query)]);
    const last = items.length === query.limit ? items[items.length - 1] : undefined;
    res.json({ counts, items, nextBefore: last ? forwardingCursor(last) : null } satisfies ForwardingListResponse);
  });

  router.post("/forwarding/retry", allowed, async (req, res) => {
    const { declarationIds, reason } = validate(forwardingRetryRequestSchema, req.body);
    const { session } = staffLocals(res);
    const actor = { id: session.accountId, username: session.username };
    const requestId = res.locals.requestId as string | undefined;
    const moved = await deps.deadLetters.retry(declarationIds, async (rows) => {
      for (const row of rows) {
        await deps.audit.record(
          { actor, action: "forwarding.retried", target: { type: "declaration", id: row.declarationId }, reason, requestId, details: { from: row.from, backendReason: row.reason } },
          deps.now(),
        );
      }
    });
    const ids = new Set(moved.map((m) => m.declarationId));
    const body: ForwardingRetryResponse = {
      retried: {
        rejected: moved.filter((m) => m.from === "rejected").map((m) => m.declarationId),
        dead: moved.filter((m) => m.from === "dead").map((m) => m.declarationId),
      },
      skipped: declarationIds.filter((id) => !ids.has(id)),
    };
    res.json(body);
  });

  return router;
}
