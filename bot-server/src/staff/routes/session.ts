import { Router, type Request, type Response } from "express";
import { changeOwnPasswordRequestSchema, staffLoginRequestSchema, type StaffSessionResponse } from "@khaibao/shared";
import { validate } from "../../http/validate";
import type { RequestInfo, StaffAuth } from "../auth";
import { clearSessionCookie, setSessionCookie, type CookieSettings } from "../cookies";
import { staffLocals } from "../middleware";
import type { SessionRecord } from "../sessions";
import { csrfTokenOf } from "../tokens";

export interface SessionRouteDeps {
  auth: StaffAuth;
  cookie: CookieSettings;
  idleTimeoutSeconds: number;
}

export function requestInfo(req: Request, res: Response): RequestInfo {
  return { address: req.ip ?? "unknown", requestId: res.locals.requestId as string | undefined };
}

function sessionBody(session: SessionRecord, token: string, idleTimeoutSeconds: number): StaffSessionResponse {
  return {
    user: { id: session.accountId, username: session.username, displayName: session.displayName, role: session.role, mustChangePassword: session.mustChangePassword },
    csrfToken: csrfTokenOf(token),
    expiresAt: session.expiresAt,
    idleTimeoutSeconds,
  };
}

/** `POST /login`: the only staff route without a session. */
export function loginRoute(deps: SessionRouteDeps): Router {
  const router = Router();
  router.post("/login", async (req, res) => {
    const { username, password } = validate(staffLoginRequestSchema, req.body);
    const { token, session } = await deps.auth.login(username, password, requestInfo(req, res));
    setSessionCookie(res, deps.cookie, token);
    res.setHeader("Cache-Control", "no-store");
    res.json(sessionBody(session, token, deps.idleTimeoutSeconds));
  });
  return router;
}

/** The signed-in person's own session: who am I, sign out (here or everywhere), my password. */
export function sessionRoutes(deps: SessionRouteDeps): Router {
  const router = Router();

  router.get("/session", (_req, res) => {
    const { session, token } = staffLocals(res);
    res.json(sessionBody(session, token, deps.idleTimeoutSeconds));
  });

  router.post("/logout", async (_req, res) => {
    await deps.auth.logout(staffLocals(res).session);
    clearSessionCookie(res, deps.cookie);
    res.status(204).end();
  });

  router.post("/logout-everywhere", async (req, res) => {
    await deps.auth.logoutEverywhere(staffLocals(res).session, requestInfo(req, res));
    clearSessionCookie(res, deps.cookie);
    res.status(204).end();
  });

  // Answers with the session that replaces this one (new cookie, new CSRF token).
  router.post("/password", async (req, res) => {
    const { currentPassword, newPassword } = validate(changeOwnPasswordRequestSchema, req.body);
    const { token, session } = await deps.auth.changeOwnPassword(staffLocals(res).session, currentPassword, newPassword, requestInfo(req, res));
    setSessionCookie(res, deps.cookie, token);
    res.json(sessionBody(session, token, deps.idleTimeoutSeconds));
  });

  return router;
}
