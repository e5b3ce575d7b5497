import type { IncomingMessage, ServerResponse } from "node:http";
import express, { Router, type RequestHandler } from "express";
import { readBody, type DirectRoute } from "../http/direct-routes";
import type { WebhookIngest } from "./ingest";
import { SIGNATURE_HEADER } from "./signature";

/** Zalo's events are a few kB; a declaration-sized margin above that, and 413 beyond. */
export const WEBHOOK_BODY_LIMIT = 128 * 1024;

export const WEBHOOK_PATH = "/webhooks/zalo";

// Node gives header names in lower case.
const SIGNATURE_KEY = SIGNATURE_HEADER.toLowerCase();

const OK = Buffer.from('{"ok":true}');
// Written directly: Express's send() would compute an ETag nobody asks for on every event.
const OK_HEADERS = { "content-type": "application/json; charset=utf-8", "content-length": String(OK.length) };

/** Stores the delivery (or rejects with why not), then acknowledges: the part both ways in share. */
async function acknowledge(ingest: WebhookIngest, rawBody: Buffer, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const signature = req.headers[SIGNATURE_KEY];
  const retry = Number(req.headers.num_retry ?? 0);
  await ingest.ingest({
    rawBody,
    signature: typeof signature === "string" ? signature : undefined,
    retryNum: Number.isSafeInteger(retry) && retry > 0 ? retry : 0,
  });
  res.writeHead(200, OK_HEADERS).end(OK);
}

/**
 * `POST /webhooks/zalo` for Express: the raw bytes are captured here and only here, because the
 * signature covers them exactly. Errors go to the app's one error handler (401, 400, 413).
 */
export function zaloWebhookRouter(ingest: WebhookIngest, opts: { bodyLimit?: number } = {}): Router {
  const router = Router();
  router.post("/", ...zaloWebhookHandlers(ingest, opts));
  return router;
}

/**
 * The same as handlers for `app.post(path, ...)`. The server mounts them for what its direct
 * route leaves to Express (a query string, a compressed body).
 */
export function zaloWebhookHandlers(ingest: WebhookIngest, opts: { bodyLimit?: number } = {}): RequestHandler[] {
  const handle: RequestHandler = async (req, res) => {
    await acknowledge(ingest, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req, res);
  };
  return [express.raw({ type: () => true, limit: opts.bodyLimit ?? WEBHOOK_BODY_LIMIT }), handle];
}

/**
 * The same route answered before Express (see http/direct-routes.ts): Zalo's deliveries are
 * most of the server's requests. A body with a Content-Encoding goes to Express, whose parser
 * inflates it; answers are the same either way (webhook.test.ts sends every case both ways).
 */
export function zaloWebhookDirect(ingest: WebhookIngest, opts: { bodyLimit?: number } = {}): DirectRoute {
  const limit = opts.bodyLimit ?? WEBHOOK_BODY_LIMIT;
  return {
    method: "POST",
    path: WEBHOOK_PATH,
    accepts: (req) => req.headers["content-encoding"] === undefined || req.headers["content-encoding"] === "identity",
    handle: async (req, res) => acknowledge(ingest, await readBody(req, limit), req, res),
  };
}
