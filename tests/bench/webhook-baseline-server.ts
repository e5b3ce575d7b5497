/**
 * The baseline the webhook benchmark is compared with: a bare Express handler that computes
 * the same SHA-256 over appId + rawBody + timestamp + OA secret key and JSON.parses the body,
 * then answers 200. No storage, no schema. Its own process, like the real server.
 */
import { createHash } from "node:crypto";
import express from "express";

const APP_ID = process.env.BENCH_APP_ID ?? "";
const OA_SECRET_KEY = process.env.BENCH_OA_SECRET_KEY ?? "";

const app = express();
app.post("/webhooks/zalo", express.raw({ type: () => true, limit: "128kb" }), (req, res) => {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  let body: { timestamp?: unknown };
  try {
    body = JSON.parse(raw.toString("utf8")) as { timestamp?: unknown };
  } catch {
    res.status(400).end();
    return;
  }
  const mac = createHash("sha256").update(APP_ID).update(raw).update(String(body.timestamp ?? "")).update(OA_SECRET_KEY).digest("hex");
  res.status(req.get("x-zevent-signature") === `mac=${mac}` ? 200 : 401).end();
});
app.get("/", (_req, res) => {
  res.send("ok");
});
const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
