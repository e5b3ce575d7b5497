import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "pino";
import type { HttpMetrics } from "../observability/metrics";

const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (kept from a proxy's X-Request-Id when it looks sane), logs one line
 * when it ends and records metrics. Only the path is logged, never the query string or body:
 * searches and lookups can carry phone or ID numbers.
 */
export function requestContext(logger: Logger, metrics: HttpMetrics): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get("x-request-id");
    const requestId = incoming && ID_PATTERN.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The matched route pattern keeps metric labels bounded (no ids in labels).
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : res.statusCode === 404 ? "unmatched" : req.baseUrl || "static";
      metrics.observe(req.method, route, res.statusCode, seconds);
      const level = res.statusCode >= 500 ? "error" : "info";
      // Building the line (req.path parses the URL) is skipped when the level is off.
      if (logger.isLevelEnabled(level)) logger[level]({ requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
    });
    next();
  };
}
