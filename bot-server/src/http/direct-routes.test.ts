import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../observability/logger";
import { createMetrics } from "../observability/metrics";
import { errorHandler } from "./error-handler";
import { expressChain, withDirectRoutes, readBody, type DirectRoute } from "./direct-routes";
import { AppError } from "./errors";

describe("routes answered before Express", () => {
  const metrics = createMetrics();
  let expressCalls: string[] = [];
  let server: Server;
  let base: string;
  const app = express();
  app.use((req, res) => {
    expressCalls.push(`${req.method} ${req.url}`);
    res.status(299).end("express");
  });
  const echo: DirectRoute = {
    method: "POST",
    path: "/hook",
    accepts: (req) => req.headers["content-encoding"] === undefined,
    async handle(req, res) {
      const body = await readBody(req, 16);
      if (body.toString() === "fail") throw new AppError("zalo.webhook_signature_invalid", 401);
      if (body.toString() === "crash") throw new Error("secret 0912345678");
      res.writeHead(200).end(`got ${body.toString()}`);
    },
  };

  beforeAll(async () => {
    server = createServer(withDirectRoutes(app, [echo], { logger: createLogger({ level: "silent" }), metrics: metrics.http }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    expressCalls = [];
  });

  it("answers exactly its method and path itself, with a request id, and leaves everything else to Express", async () => {
    const res = await fetch(`${base}/hook`, { method: "POST", body: "hi", headers: { "x-request-id": "lb-42" } });
    expect([res.status, await res.text(), res.headers.get("x-request-id")]).toEqual([200, "got hi", "lb-42"]);
    expect(expressCalls).toEqual([]);
    const minted = await fetch(`${base}/hook`, { method: "POST", body: "x", headers: { "x-request-id": "not sane!" } });
    expect(minted.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    for (const [method, path] of [["GET", "/hook"], ["POST", "/hook?x=1"], ["POST", "/hook/"], ["POST", "/other"]] as const) {
      const other = await fetch(`${base}${path}`, { method, ...(method === "POST" ? { body: "hi" } : {}) });
      expect(other.status).toBe(299);
    }
    // What the route does not accept goes to Express too.
    expect((await fetch(`${base}/hook`, { method: "POST", body: "hi", headers: { "content-encoding": "gzip" } })).status).toBe(299);
    expect(expressCalls).toEqual(["GET /hook", "POST /hook?x=1", "POST /hook/", "POST /other", "POST /hook"]);
  });

  it("turns errors into the same answers as the Express error handler: typed ones with their code and language, others a bare 500", async () => {
    const refused = await fetch(`${base}/hook`, { method: "POST", body: "fail", headers: { "accept-language": "en" } });
    const body = (await refused.json()) as { error: { code: string; message: string; requestId: string } };
    expect(refused.status).toBe(401);
    expect(body.error.code).toBe("zalo.webhook_signature_invalid");
    expect(body.error.requestId).toBe(refused.headers.get("x-request-id"));
    const vi = (await (await fetch(`${base}/hook`, { method: "POST", body: "fail" })).json()) as { error: { message: string } };
    expect(vi.error.message).not.toBe(body.error.message);

    const crashed = await fetch(`${base}/hook`, { method: "POST", body: "crash" });
    expect(crashed.status).toBe(500);
    expect(await crashed.text()).not.toContain("0912345678");
  });

  it("refuses a body over the limit with 413, by its Content-Length or as it streams, and goes on serving", async () => {
    const declared = await fetch(`${base}/hook`, { method: "POST", body: "x".repeat(17) });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe("http.payload_too_large");

    // Chunked: no Content-Length, the limit is passed by the second chunk.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/hook`, { method: "POST" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write("0123456789");
      setTimeout(() => req.end("0123456789"), 50);
    });
    expect(streamed).toBe(413);
    expect((await fetch(`${base}/hook`, { method: "POST", body: "ok" })).status).toBe(200);
  });

  it("records each answer in the HTTP metrics under the route's path", async () => {
    await fetch(`${base}/hook`, { method: "POST", body: "m" });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/khaibao_http_requests_total\{[^}]*route="\/hook"[^}]*status="200"[^}]*\} [1-9]/);
  });

  it("survives a client that goes away in the middle of its body", async () => {
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${base}/hook`, { method: "POST", headers: { "content-length": "10" } });
      req.on("error", () => resolve());
      req.write("01234");
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    expect((await fetch(`${base}/hook`, { method: "POST", body: "after" })).status).toBe(200);
  });
});

describe("an Express route's handlers run before the router (expressChain)", () => {
  const logger = createLogger({ level: "silent" });
  const metrics = createMetrics();
  let routerCalls = 0;
  let server: Server;
  let base: string;
  const app = express();
  app.use((_req, _res, next) => {
    routerCalls++;
    next();
  });
  const handlers: express.RequestHandler[] = [
    express.json(),
    (req, res, next) => {
      res.locals.seen = [String(req.get("x-who")), res.locals.requestId];
      if (req.body.fail === "next") return next(new AppError("zalo.webhook_signature_invalid", 401));
      next();
    },
    async (req, res) => {
      if (req.body.fail === "reject") throw new AppError("http.payload_too_large", 413);
      res.status(201).json({ seen: res.locals.seen, query: req.query });
    },
  ];
  app.post("/chain", ...handlers);
  app.use(errorHandler(logger));

  beforeAll(async () => {
    const chain = expressChain(app, { method: "POST", path: "/chain", handlers, onError: errorHandler(logger) });
    server = createServer(withDirectRoutes(app, [chain], { logger, metrics: metrics.http }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (path: string, body: unknown) => fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", "x-who": "me", "x-request-id": "req-1" }, body: JSON.stringify(body) });

  it("runs the handlers in order with Express's request and response helpers, without the router", async () => {
    routerCalls = 0;
    const res = await send("/chain", { ok: 1 });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ seen: ["me", "req-1"], query: {} });
    expect(routerCalls).toBe(0);
    // The same route with a query string goes through the router, with the same handlers.
    const routed = await send("/chain?x=1", { ok: 1 });
    expect([routed.status, routerCalls]).toEqual([201, 1]);
  });

  it("hands errors passed to next, thrown or rejected to the error handler", async () => {
    const passed = await send("/chain", { fail: "next" });
    expect([passed.status, ((await passed.json()) as { error: { code: string; requestId: string } }).error]).toEqual([401, expect.objectContaining({ code: "zalo.webhook_signature_invalid", requestId: "req-1" })]);
    const rejected = await send("/chain", { fail: "reject" });
    expect(rejected.status).toBe(413);
    const bad = await fetch(`${base}/chain`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(bad.status).toBe(400);
  });
});
