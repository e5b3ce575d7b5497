import { Router, type RequestHandler } from "express";
import { vaccinationLookupRequestSchema, verifyHc1, VACCINATION_NOT_FOUND, type VaccinationLookupResponse } from "@khaibao/shared";
import { enforceRateLimit, type RateLimiter } from "../declarations/rate-limit";
import { AppError } from "../http/errors";
import { validate } from "../http/validate";
import { zaloUserOf } from "../zalo";
import { RegistryUnavailableError, type VaccinationRegistry } from "./registry";
import type { TrustStore } from "./trust-store";

export interface VaccinationRoutesDeps {
  /** `requireZaloUser`: the same Zalo access-token check as POST /api/declarations. */
  auth: RequestHandler;
  registry: VaccinationRegistry;
  trust: TrustStore;
  limiters: { perUser: RateLimiter; perAddress: RateLimiter };
  logger: { warn(obj: Record<string, unknown>, msg: string): void };
  now: () => Date;
}

/**
 * GET /api/vaccination/trust-list: public (it holds only public keys), cacheable, with an ETag
 * of its version so the mini app's refresh costs a 304 when nothing changed.
 *
 * POST /api/vaccination/lookup: a Zalo user asks the registry for a certificate. Limited per
 * client address before anything else and per user after sign-in, since ID number + name + date
 * of birth are guessable; "no such person" and "details do not match" are the same 404.
 */
export function vaccinationRouter(deps: VaccinationRoutesDeps): Router {
  const router = Router();

  router.get("/trust-list", (req, res) => {
    const list = deps.trust.list();
    const etag = `"${list.version}"`;
    res.setHeader("ETag", etag);
    // Short: a revoked signer must leave phones soon; the ETag makes the re-check cheap.
    res.setHeader("Cache-Control", "public, max-age=300");
    if (req.get("if-none-match") === etag) return res.status(304).end();
    res.json(list);
  });

  router.post(
    "/lookup",
    async (req, _res, next) => {
      await enforceRateLimit(deps.limiters.perAddress, `vaccination:${req.ip ?? "unknown"}`);
      next();
    },
    deps.auth,
    async (req, res) => {
      const user = zaloUserOf(res);
      await enforceRateLimit(deps.limiters.perUser, `vaccination:${user.id}`);
      const query = validate(vaccinationLookupRequestSchema, req.body);
      let answer;
      try {
        answer = await deps.registry.find(query);
      } catch (error) {
        if (error instanceof RegistryUnavailableError) throw new AppError("vaccination.registry_unavailable", 503, { cause: error });
        throw error;
      }
      res.setHeader("Cache-Control", "no-store");
      if (!answer.found) throw new AppError(VACCINATION_NOT_FOUND, 404);
      // The wallet refuses what it cannot verify; say so here, where an operator can act on it.
      const check = await verifyHc1(answer.hc1, { trust: deps.trust.list().entries, now: deps.now() });
      if (!check.valid) deps.logger.warn({ step: check.step }, "the registry's certificate does not verify against our trust list");
      const body: VaccinationLookupResponse = { hc1: answer.hc1 };
      res.json(body);
    },
  );
  return router;
}
