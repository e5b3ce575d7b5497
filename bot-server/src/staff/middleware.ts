import type { Request, RequestHandler, Response } from "express";
import { STAFF_CSRF_HEADER, staffCan, type StaffPermission } from "@khaibao/shared";
import { AppError, forbidden, unauthorized } from "../http/errors";
import type { StaffAuth } from "./auth";
import { clearSessionCookie, readCookie, type CookieSettings } from "./cookies";
import type { SessionRecord } from "./sessions";
import { csrfTokenOf, sameSecret } from "./tokens";

/** What `requireSession` leaves for the handlers behind it. */
export interface StaffLocals {
  session: SessionRecord;
  /** The cookie's token: handlers derive the CSRF token from it, never store it. */
  token: string;
}

export function staffLocals(res: Response): StaffLocals {
  const locals = res.locals.staff as StaffLocals | undefined;
  if (!locals) throw new Error("staff route mounted without requireSession");
  return locals;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * 401 without a live session. A cookie that no longer opens a session is cleared and answered
 * with `staff.session_expired`, so the console can say why the person is back at the login.
 */
export function requireSession(auth: StaffAuth, cookie: CookieSettings): RequestHandler {
  return async (req, res, next) => {
    const token = readCookie(req, cookie.name);
    if (!token) throw unauthorized();
    const session = await auth.resolve(token);
    if (!session) {
      clearSessionCookie(res, cookie);
      throw unauthorized("staff.session_expired");
    }
    res.locals.staff = { session, token } satisfies StaffLocals;
    res.setHeader("Cache-Control", "no-store");
    next();
  };
}

/**
 * Synchronizer token: every state-changing call carries the session's CSRF token (from
 * `GET /api/staff/session`) in `X-CSRF-Token`. Another site can make the browser send the
 * cookie (if SameSite ever fails it) but cannot read the token.
 */
export const requireCsrf: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const { token } = staffLocals(res);
  const sent = req.get(STAFF_CSRF_HEADER);
  if (!sent || !sameSecret(sent, csrfTokenOf(token))) throw new AppError("staff.csrf_invalid", 403);
  next();
};

/**
 * Refuses state-changing calls a browser marks as coming from another site (`Sec-Fetch-Site`,
 * or an `Origin` that is not ours). Covers the login, which has no session to bind a token to.
 */
export function sameOriginOnly(publicOrigin: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") throw new AppError("staff.origin_refused", 403);
    const origin = req.get("origin");
    if (origin && origin !== (publicOrigin ?? ownOrigin(req))) throw new AppError("staff.origin_refused", 403);
    next();
  };
}

function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.get("host") ?? ""}`;
}

/**
 * 403 unless the person's role has the permission. Someone who must change their password gets
 * nothing but that until they do.
 */
export function requirePermission(permission: StaffPermission): RequestHandler {
  return (_req, res, next) => {
    const { session } = staffLocals(res);
    if (session.mustChangePassword) throw new AppError("staff.password_change_required", 403);
    if (!staffCan(session.role, permission)) throw forbidden();
    next();
  };
}
