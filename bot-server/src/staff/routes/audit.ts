import { Router } from "express";
import { staffAuditQuerySchema } from "@khaibao/shared";
import { validate } from "../../http/validate";
import type { AuditLog } from "../audit";
import { requirePermission } from "../middleware";

/** `GET /audit?before=&limit=`: the audit log, newest first, for admins. */
export function auditRoutes(audit: AuditLog): Router {
  const router = Router();
  router.get("/audit", requirePermission("readAudit"), async (req, res) => {
    const query = validate(staffAuditQuerySchema, req.query);
    res.json({ entries: await audit.list({ before: query.before, limit: query.limit }) });
  });
  return router;
}
