import express from "express";
import helmet from "helmet";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { SECURITY_HEADER_OPTIONS } from "./app";
import { securityHeaders } from "./security-headers";

const headersOf = async (middleware: express.RequestHandler) => {
  const app = express();
  app.disable("x-powered-by");
  app.use(middleware);
  app.get("/", (_req, res) => {
    res.json({ ok: true });
  });
  const res = await request(app).get("/");
  // Only what the middleware adds: drop what Express and Node set on any answer.
  const { date: _d, etag: _e, connection: _c, "content-length": _l, "content-type": _t, "keep-alive": _k, ...rest } = res.headers;
  return rest;
};

describe("security headers", () => {
  it("are exactly helmet's for our options, worked out once instead of per request", async () => {
    const ours = await headersOf(securityHeaders(SECURITY_HEADER_OPTIONS));
    expect(ours).toEqual(await headersOf(helmet(SECURITY_HEADER_OPTIONS)));
    expect(ours["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(ours["x-content-type-options"]).toBe("nosniff");
    expect(ours["strict-transport-security"]).toMatch(/^max-age=\d+/);
    expect(Object.keys(ours).length).toBeGreaterThanOrEqual(10);
  });

  it("a policy that changes per request (a nonce) is refused at startup instead of being frozen", () => {
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { "script-src": ["'self'", () => "'nonce-abc'"] } } })).toThrow(/per request/);
  });
});
