import { Router, type RequestHandler } from "express";
import { localizeIssue, pickLang, submitDeclarationRequestSchema, type SubmitDeclarationResponse } from "@khaibao/shared";
import { sendJson } from "../../http/send-json";
import { validate } from "../../http/validate";
import { zaloUserOf } from "../../zalo";
import { submitDeclaration, type SubmitDeps } from "../submit";

/**
 * POST /api/declarations: the mini app's submission. `auth` identifies the Zalo user first, so
 * an anonymous caller learns nothing about the body. 201 with the receipt; a retry with the
 * same idempotency key repeats that answer (same receipt, current status) with `replayed: true`.
 */
export function declarationsRouter(deps: { auth: RequestHandler; submit: SubmitDeps }): Router {
  const router = Router();
  router.post("/", ...declarationSubmitHandlers(deps));
  return router;
}

/** The route's handlers, also run before Express's router by the server (http/direct-routes.ts). */
export function declarationSubmitHandlers(deps: { auth: RequestHandler; submit: SubmitDeps }): RequestHandler[] {
  const submit: RequestHandler = async (req, res) => {
    const input = validate(submitDeclarationRequestSchema, req.body);
    const result = await submitDeclaration(deps.submit, zaloUserOf(res), input);
    const lang = pickLang(req.get("accept-language"));
    const body: SubmitDeclarationResponse = {
      receipt: result.receipt,
      replayed: result.replayed,
      warnings: result.warnings.map((w) => localizeIssue(w, lang)),
    };
    res.setHeader("Cache-Control", "no-store");
    sendJson(res, 201, body);
  };
  return [deps.auth, submit];
}
