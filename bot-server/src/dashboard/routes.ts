import { Router } from "express";
import type { DashboardResponse } from "@khaibao/shared";
import { requirePermission } from "../staff/middleware";
import type { DashboardCounts } from "./counts";

/** Every open dashboard polls; within this window they share one computation. */
const SHARED_FOR_MS = 5_000;

/** `GET /dashboard`: supervisors and admins; counts only, no personal data. */
export function dashboardRoutes(deps: { counts: DashboardCounts; now: () => Date }): Router {
  const router = Router();
  let last: { at: number; body: Promise<DashboardResponse> } | undefined;
  router.get("/dashboard", requirePermission("viewDashboard"), async (_req, res) => {
    const now = deps.now();
    if (!last || now.getTime() - last.at >= SHARED_FOR_MS || now.getTime() < last.at) {
      const body = deps.counts.snapshot(now);
      last = { at: now.getTime(), body };
      // A failed computation is not shared: the next poll tries again.
      body.catch(() => {
        if (last?.body === body) last = undefined;
      });
    }
    res.json(await last.body);
  });
  return router;
}
