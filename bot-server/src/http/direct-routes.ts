import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { ErrorRequestHandler, Express, Request, RequestHandler, Response } from "express";
import type { Logger } from "pino";
import type { HttpMetrics } from "../observability/metrics";
import { errorAnswer } from "./error-handler";
import { AppError } from "./errors";
import { trackRequest } from "./request-context";

/**
 * A machine-to-machine route answered before Express: Zalo's webhook. Express's routing, body
 * parser and response helpers cost the webhook about as much as everything it does itself
 * (verify, parse, store); taken here, the server acknowledges about twice as many events per
 * second (README, benchmarks). Only a request the route `accepts` with exactly this method and
 * path (no query string) comes here; any other, and every request to any other path, goes to
 * Express, where the same route is mounted too, so what a client gets never depends on it.
 */
export interface DirectRoute {
  method: string;
  path: string;
  /** False for what only Express's handling knows (e.g. a compressed body): that request goes there. */
  accepts(req: IncomingMessage): boolean;
  /** Answers, or rejects with the error the one error mapping turns into the answer. */
  handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void>;
}

/**
 * The server's request listener: the direct routes, with the request id, log line and metrics
 * every request gets (`trackRequest`) and errors answered by `errorAnswer`; Express for the rest.
 */
export function withDirectRoutes(app: Express, routes: readonly DirectRoute[], deps: { logger: Logger; metrics: HttpMetrics }): RequestListener {
  const byKey = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  return (req, res) => {
    const route = byKey.get(`${req.method} ${req.url}`);
    if (!route || !route.accepts(req)) {
      app(req, res);
      return;
    }
    const requestId = trackRequest(req, res, deps.logger, deps.metrics, () => route.path, () => route.path);
    route.handle(req, res, requestId).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const answer = errorAnswer(error, { requestId, acceptLanguage: req.headers["accept-language"], logger: deps.logger });
      const body = JSON.stringify(answer.body);
      // A body left unread (too large) is not read on: the connection ends with the answer.
      if (!req.complete) res.setHeader("Connection", "close");
      res.writeHead(answer.status, { ...answer.headers, "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(body)) }).end(body);
    });
  };
}

/**
 * The request's bytes, refused with 413 past `limit`: at once when Content-Length says so,
 * otherwise as soon as the bytes read pass it (chunked uploads).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new AppError("http.payload_too_large", 413);
  if (Number(req.headers["content-length"]) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    // The client went away mid-body: there is no one to answer.
    req.once("error", reject);
  });
}

/**
 * An Express route's middleware run in order for one exact method and path, without the router:
 * for the busiest browser-facing route (`POST /api/declarations`), where walking the app's layers
 * and matching their paths was ~10 % of the event loop. The request and response get Express's
 * prototypes and `res.locals` as Express's own init gives them, so the handlers are the route's
 * own, unchanged; an error (thrown, rejected or passed to `next`) goes to `onError`, the app's
 * error handler. The app must list the same handlers at the same path: requests this does not
 * take (another method, a query string) get the same answers there.
 */
export function expressChain(app: Express, route: { method: string; path: string; handlers: readonly RequestHandler[]; onError: ErrorRequestHandler }): DirectRoute {
  return {
    method: route.method,
    path: route.path,
    accepts: () => true,
    handle(rawReq, rawRes, requestId) {
      // What Express's init does for every request (express/lib/middleware/init.js).
      const req = Object.setPrototypeOf(rawReq, app.request) as Request;
      const res = Object.setPrototypeOf(rawRes, app.response) as Response;
      req.res = res;
      res.req = req;
      res.locals = Object.create(null) as Record<string, unknown>;
      res.locals.requestId = requestId;
      let at = 0;
      const next = (error?: unknown): void => {
        if (error !== undefined && error !== "route" && error !== "router") {
          route.onError(error, req, res, () => {});
          return;
        }
        const handler = route.handlers[at++];
        // Past the last handler without an answer: what the app's last layer says.
        if (!handler) return next(new AppError("http.route_not_found", 404));
        try {
          const result: unknown = handler(req, res, next);
          if (result instanceof Promise) result.catch(next);
        } catch (thrown) {
          next(thrown);
        }
      };
      next();
      return Promise.resolve();
    },
  };
}
