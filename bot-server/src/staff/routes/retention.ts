import { Router } from "express";
import type { RetentionRunResponse, RetentionRunsResponse } from "@khaibao/shared";
import type { RetentionOverview } from "../../privacy/feature";
import type { AuditLog } from "../audit";
import { requirePermission, staffLocals } from "../middleware";

/**
 * - `GET /privacy/retention`: the retention limit, the last runs, and what waits for delivery.
 *   Counts only (supervisors and admins).
 * - `POST /privacy/retention/run`: an admin runs the job now (skipped when another instance is
 *   running it); audit-logged with what it purged.
 */
export function retentionRoutes(deps: { overview: RetentionOverview; audit: AuditLog; now: () => Date }): Router {
  const router = Router();
  router.get("/privacy/retention", requirePermission("viewRetention"), async (_req, res) => {
    const [runs, heldForDelivery] = await Promise.all([deps.overview.runs(50), deps.overview.heldForDelivery()]);
    res.json({ retentionDays: deps.overview.retentionDays, runs, heldForDelivery } satisfies RetentionRunsResponse);
  });
  router.post("/privacy/retention/run", requirePermission("runRetention"), async (_req, res) => {
    const outcome = await deps.overview.runNow();
    const { session } = staffLocals(res);
    if (!outcome.skipped) {
      const { declarationsPurged, inboxPurged, messagesPurged, deletionRequestsDone, error } = outcome.run;
      await deps.audit.record(
        {
          actor: { id: session.accountId, username: session.username },
          action: "privacy.retention_run",
          target: { type: "retention_run", id: String(outcome.run.id) },
          requestId: res.locals.requestId as string | undefined,
          details: { declarationsPurged, inboxPurged, messagesPurged, deletionRequestsDone, ...(error ? { error } : {}) },
        },
        deps.now(),
      );
    }
    res.json((outcome.skipped ? { skipped: true, run: null } : { skipped: false, run: outcome.run }) satisfies RetentionRunResponse);
  });
  return router;
}
