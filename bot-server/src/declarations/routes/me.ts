import { Router, type RequestHandler } from "express";
import { phoneExchangeRequestSchema } from "@khaibao/shared";
import { validate } from "../../http/validate";
import type { Consents } from "../../privacy/consents/service";
import { zaloAccessTokenOf, zaloUserOf, type ZaloGraph } from "../../zalo";
import { enforceRateLimit, type RateLimiter } from "../rate-limit";

/**
 * GET /api/me: who the mini app's user is according to Zalo. POST /api/me/phone: exchanges the
 * single-use `getPhoneNumber()` token for the number (the app secret never leaves the server),
 * so the declaration form can be prefilled. Both need the user's access token. The phone is read
 * only with the citizen's recorded `phone` consent, the Zalo name only with `profile` consent.
 */
export function meRouter(deps: { auth: RequestHandler; graph: ZaloGraph; consents: Pick<Consents, "require">; limiter: RateLimiter }): Router {
  const router = Router();
  router.get("/", deps.auth, async (_req, res) => {
    const user = zaloUserOf(res);
    const name = await deps.consents.require(user.id, "profile").then(() => user.name, () => null);
    res.setHeader("Cache-Control", "no-store");
    res.json({ user: { id: user.id, name } });
  });
  router.post("/phone", deps.auth, async (req, res) => {
    const user = zaloUserOf(res);
    const { token } = validate(phoneExchangeRequestSchema, req.body);
    await deps.consents.require(user.id, "phone");
    await enforceRateLimit(deps.limiter, `phone:${user.id}`);
    const phone = await deps.graph.phoneNumber(zaloAccessTokenOf(res), token);
    res.setHeader("Cache-Control", "no-store");
    res.json({ phone });
  });
  return router;
}
