import type { HelmetOptions } from "helmet";
import express, { type Express, type RequestHandler, type Router } from "express";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import type { HttpMetrics } from "../observability/metrics";
import { healthRouter } from "../health/routes";
import { errorHandler, routeNotFound } from "./error-handler";
import { refuseNulInUrl, verifyJsonBody } from "./json-guard";
import { requestContext } from "./request-context";
import { cors } from "./cors";
import { securityHeaders } from "./security-headers";

export interface AppParts {
  logger: Logger;
  metrics: { registry: Registry; http: HttpMetrics };
  ping: () => Promise<void>;
  trustProxy?: string | undefined;
  corsOrigins?: readonly string[];
  /** Feature routers mounted under their path, in order. `/api/...` ones get the JSON body parser. */
  api: ReadonlyArray<readonly [string, Router]>;
  /** Routers that need the raw body or their own parsers or serve pages. */
  other: ReadonlyArray<readonly [string, Router]>;
  /**
   * Machine-to-machine routes (Zalo's webhook): mounted first, with request ids, logs and metrics
   * but without the browser headers (CSP and friends protect pages, not a JSON acknowledgement),
   * so the busiest route passes the fewest layers.
   */
  machine?: ReadonlyArray<readonly [string, RequestHandler[]]>;
}

/** Browser security headers on every page and API answer (helmet's, with our CSP). */
export const SECURITY_HEADER_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      // zmp-ui and React set inline styles for animations.
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:", "blob:"],
      "connect-src": ["'self'"],
      "media-src": ["'self'", "blob:"],
      "frame-ancestors": ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
};

/** JSON bodies of our API are small (a declaration is ~2 kB); anything larger is refused with 413. */
export const API_BODY_LIMIT = "64kb";

/**
 * What every `/api/...` route gets after the app's own layers: CORS for the mini app's origins and
 * the JSON body parser. Bytes JSON.parse would take silently (not UTF-8, 100,000 levels deep, a
 * key twice, __proto__) are refused first.
 */
export function apiMiddleware(corsOrigins: readonly string[] = []): RequestHandler[] {
  return [cors(corsOrigins), express.json({ limit: API_BODY_LIMIT, strict: true, verify: verifyJsonBody })];
}

/** The browser security headers middleware, as the app runs it before every page and API route. */
export const pageSecurityHeaders = (): RequestHandler => securityHeaders(SECURITY_HEADER_OPTIONS);

export function createApp(parts: AppParts): Express {
  const app = express();
  app.disable("x-powered-by");
  if (parts.trustProxy) app.set("trust proxy", /^\d+$/.test(parts.trustProxy) ? Number(parts.trustProxy) : parts.trustProxy);
  app.use(requestContext(parts.logger, parts.metrics.http));
  app.use(refuseNulInUrl);
  for (const [path, handlers] of parts.machine ?? []) app.post(path, ...handlers);
  app.use(pageSecurityHeaders());

  // The API first: the mini app's submissions are the busiest browser-facing requests, and no
  // page or health route lives under /api, so they need not walk past those routers.
  const common = apiMiddleware(parts.corsOrigins);
  for (const [path, router] of parts.api) app.use(path, ...common, router);
  app.use(healthRouter({ ping: parts.ping, registry: parts.metrics.registry }));
  for (const [path, router] of parts.other) app.use(path, router);
  app.use(routeNotFound);
  app.use(errorHandler(parts.logger));
  return app;
}
