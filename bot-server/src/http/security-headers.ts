import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import helmet, { type HelmetOptions } from "helmet";

/**
 * Helmet's headers, worked out once. Helmet runs a chain of a dozen middlewares per request and
 * rebuilds the Content-Security-Policy string each time; with static options (no per-request
 * nonces) every response gets the same headers, so they are taken from one dry run at startup
 * and set directly. The test compares them with helmet's own, header by header.
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === "object" && csp.directives ? Object.values(csp.directives) : [];
  // A directive given as a function (a nonce per request) would be frozen at its first value.
  if (directives.some((d) => typeof d === "function" || (Array.isArray(d) && d.some((v: unknown) => typeof v === "function")))) {
    throw new Error("securityHeaders: a Content-Security-Policy that changes per request needs helmet itself");
  }
  const headers: Array<[string, string]> = [];
  const capture = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, String(value)]);
    },
    // X-Powered-By: Express does not send it (`app.disable("x-powered-by")`).
    removeHeader() {},
  };
  let done = false;
  helmet(options)({} as IncomingMessage, capture as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  // A helmet that went asynchronous or read the request would not be captured correctly.
  if (!done) throw new Error("helmet did not finish synchronously: its headers cannot be fixed at startup");
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
