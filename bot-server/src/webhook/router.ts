import express, { Router, type RequestHandler } from "express";
import type { WebhookIngest } from "./ingest";
import { SIGNATURE_HEADER } from "./signature";

/** Zalo's events are a few kB; a declaration-sized margin above that, and 413 beyond. */
export const WEBHOOK_BODY_LIMIT = "128kb";

const OK = Buffer.from('{"ok":true}');
// Written directly: Express's send() would compute an ETag nobody asks for on every event.
const OK_HEADERS = { "content-type": "application/json; charset=utf-8", "content-length": String(OK.length) };

/**
 * `POST /webhooks/zalo` (mounted by the composition root among the `other` routers, which get no
 * JSON parser): the raw bytes are captured here and only here, because the signature covers them
 * exactly. Errors go to the app's one error handler (401, 400, 413).
 */
export function zaloWebhookRouter(ingest: WebhookIngest, opts: { bodyLimit?: string } = {}): Router {
  const router = Router();
  router.post("/", ...zaloWebhookHandlers(ingest, opts));
  return router;
}

/**
 * The same as handlers for `app.post(path, ...)`: the composition root mounts the webhook
 * directly on the app, one router level less on the busiest route.
 */
export function zaloWebhookHandlers(ingest: WebhookIngest, opts: { bodyLimit?: string } = {}): RequestHandler[] {
  const handle: RequestHandler = async (req, res) => {
    const retry = Number(req.get("num_retry") ?? 0);
    await ingest.ingest({
      rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      signature: req.get(SIGNATURE_HEADER),
      retryNum: Number.isSafeInteger(retry) && retry > 0 ? retry : 0,
    });
    res.writeHead(200, OK_HEADERS).end(OK);
  };
  return [express.raw({ type: () => true, limit: opts.bodyLimit ?? WEBHOOK_BODY_LIMIT }), handle];
}
