import { Router } from "express";
import type { Registry } from "prom-client";

/** Liveness says the process answers; readiness says it can do its job (the database answers). */
export function healthRouter(deps: { ping: () => Promise<void>; registry: Registry }): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    try {
      await deps.ping();
      res.json({ status: "ready", checks: { database: "ok" } });
    } catch {
      res.status(503).json({ status: "not_ready", checks: { database: "unreachable" } });
    }
  });
  router.get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", deps.registry.contentType);
    res.send(await deps.registry.metrics());
  });
  return router;
}
