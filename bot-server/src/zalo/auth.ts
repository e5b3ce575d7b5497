import type { RequestHandler, Response } from "express";
import { ZALO_TOKEN_HEADER } from "@khaibao/shared";
import { AppError } from "../http/errors";
import { ZaloGraphError } from "./errors";
import type { ZaloGraph, ZaloUser } from "./graph-client";

/** Longer than any Zalo token; anything bigger is refused before it reaches Zalo or the cache. */
const MAX_TOKEN_LENGTH = 2_048;

/**
 * Identifies the mini app's user: the access token from `x-zalo-access-token` is checked with
 * the Graph API (through the caller's cache). Missing → 401 `zalo.token_missing`; refused or
 * forged → 401 `zalo.token_invalid`; Zalo unreachable → 503 `zalo.unavailable`.
 */
export function requireZaloUser(graph: ZaloGraph): RequestHandler {
  return async (req, res, next) => {
    const token = req.get(ZALO_TOKEN_HEADER)?.trim();
    if (!token) throw new AppError("zalo.token_missing", 401);
    if (token.length > MAX_TOKEN_LENGTH) throw new ZaloGraphError("token_invalid");
    res.locals.zaloUser = await graph.me(token);
    res.locals.zaloAccessToken = token;
    next();
  };
}

/** The user `requireZaloUser` put on the response; a route without that middleware is a bug. */
export function zaloUserOf(res: Response): ZaloUser {
  const user = res.locals.zaloUser as ZaloUser | undefined;
  if (!user) throw new Error("requireZaloUser must run before this route");
  return user;
}

export function zaloAccessTokenOf(res: Response): string {
  const token = res.locals.zaloAccessToken as string | undefined;
  if (!token) throw new Error("requireZaloUser must run before this route");
  return token;
}
