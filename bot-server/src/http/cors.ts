import type { RequestHandler } from "express";

/**
 * CORS for the mini app's API calls. Inside Zalo the app runs on Zalo's own origin
 * (h5.zdn.vn) and calls our API across origins, so those origins (and only those) may call,
 * with the headers our client sends. No credentials: the mini app authenticates with the
 * Zalo access token header, never cookies.
 */
export function cors(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.get("origin");
    if (origin && allowed.has(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
      res.setHeader("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
      if (req.method === "OPTIONS") {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
        res.setHeader("Access-Control-Allow-Headers", "Content-Type, Accept-Language, X-Zalo-Access-Token, X-Request-Id");
        res.setHeader("Access-Control-Max-Age", "600");
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
