import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import type { HttpMetrics } from "../observability/metrics";

const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * What every request gets, through Express or not (see direct-routes.ts): an id (kept from a
 * proxy's X-Request-Id when it looks sane) in the answer's header, one log line when it ends and
 * its metrics. Only the path is logged, never the query string or body: searches and lookups can
 * carry phone or ID numbers. `routeOf` names the route for the metric labels when it ends.
 */
export function trackRequest(req: IncomingMessage, res: ServerResponse, logger: Logger, metrics: HttpMetrics, routeOf: () => string, pathOf: () => string): string {
  const incoming = req.headers["x-request-id"];
  const requestId = typeof incoming === "string" && ID_PATTERN.test(incoming) ? incoming : randomUUID();
  res.setHeader("X-Request-Id", requestId);
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.observe(req.method ?? "", routeOf(), res.statusCode, seconds);
    const level = res.statusCode >= 500 ? "error" : "info";
    // Building the line (the path parses the URL) is skipped when the level is off.
    if (logger.isLevelEnabled(level)) logger[level]({ requestId, method: req.method, path: pathOf(), status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
  });
  return requestId;
}

/** `trackRequest` as the first Express middleware; the id is `res.locals.requestId`. */
export function requestContext(logger: Logger, metrics: HttpMetrics): RequestHandler {
  return (req, res, next) => {
    res.locals.requestId = trackRequest(
      req,
      res,
      logger,
      metrics,
      // The matched route pattern keeps metric labels bounded (no ids in labels).
      () => (req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : res.statusCode === 404 ? "unmatched" : req.baseUrl || "static"),
      () => req.path,
    );
    next();
  };
}
