import { Router } from "express";
import { exportQuerySchema } from "@khaibao/shared";
import type { Database } from "../storage";
import { validate } from "../http/validate";
import { requirePermission, staffLocals } from "../staff/middleware";
import type { DailyExport } from "./daily";
import { runExport } from "./service";

/** `GET /exports/declarations?date=&format=csv|json&kind=summary|detail`: a download, audit-logged. */
export function exportRoutes(deps: { db: Database; daily: DailyExport; now: () => Date }): Router {
  const router = Router();
  router.get("/exports/declarations", requirePermission("exportData"), async (req, res) => {
    const query = validate(exportQuerySchema, req.query);
    const { session } = staffLocals(res);
    const file = await runExport(deps, query, {
      actor: { id: session.accountId, username: session.username },
      via: "console",
      requestId: res.locals.requestId as string | undefined,
    });
    res.setHeader("Content-Type", file.contentType);
    res.setHeader("Content-Disposition", `attachment; filename="${file.filename}"`);
    res.send(file.body);
  });
  return router;
}
