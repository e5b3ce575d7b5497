import { Router } from "express";
import { z } from "zod";
import { validate } from "../../http/validate";
import { lookupReceipt, type LookupDeps } from "../lookup";
import { enforceRateLimit, type RateLimiter } from "../rate-limit";

/** Officers type codes as printed (`4821 7730 19`): spaces and dashes are dropped. */
const receiptCodeSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{10}$/, { error: "invalid_format" }));

/**
 * GET /api/receipts/:code: public, for verifiers. Rate limited per client address, since codes
 * are only 10 digits and must not be enumerable at speed.
 */
export function receiptsRouter(deps: LookupDeps & { limiter: RateLimiter }): Router {
  const router = Router();
  router.get("/:code", async (req, res) => {
    await enforceRateLimit(deps.limiter, `receipts:${req.ip ?? "unknown"}`);
    const code = validate(receiptCodeSchema, req.params.code);
    const body = await lookupReceipt(deps, code);
    res.setHeader("Cache-Control", "no-store");
    res.json(body);
  });
  return router;
}
