import { Router } from "express";
import type { RetentionRunsResponse } from "@khaibao/shared";
import type { RetentionOverview } from "../../privacy/feature";
import { requirePermission } from "../middleware";

/** `GET /privacy/retention`: the retention limit, the last runs, and what waits for delivery. Counts only. */
export function retentionRoutes(overview: RetentionOverview): Router {
  const router = Router();
  router.get("/privacy/retention", requirePermission("viewRetention"), async (_req, res) => {
    const [runs, heldForDelivery] = await Promise.all([overview.runs(50), overview.heldForDelivery()]);
    res.json({ retentionDays: overview.retentionDays, runs, heldForDelivery } satisfies RetentionRunsResponse);
  });
  return router;
}
