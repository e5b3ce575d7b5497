import { describe, expect, it } from "vitest";
import express, { Router } from "express";
import request from "supertest";
import { z } from "zod";
import { errorBodySchema } from "@khaibao/shared";
import { createApp } from "./app";
import { AppError } from "./errors";
import { validate } from "./validate";
import { createLogger } from "../observability/logger";
import { createMetrics } from "../observability/metrics";

function appWith(router: Router, ping: () => Promise<void> = async () => {}) {
  return createApp({ logger: createLogger({ level: "silent" }), metrics: createMetrics(), ping, api: [["/api/t", router]], other: [] });
}

const echo = Router();
echo.post("/", (req, res) => {
  const body = validate(z.object({ name: z.string().min(1), age: z.number().int().min(0) }), req.body);
  res.json(body);
});
echo.get("/forbidden", () => {
  throw new AppError("http.forbidden", 403);
});
echo.get("/boom", () => {
  throw new Error("secret 0912345678 leaked?");
});

describe("HTTP app", () => {
  it("when a field is invalid, then 400 names the field with a code in Vietnamese and English", async () => {
    const res = await request(appWith(echo)).post("/api/t").send({ name: "", age: -1 });
    expect(res.status).toBe(400);
    const body = errorBodySchema.parse(res.body);
    expect(body.error.code).toBe("http.validation_failed");
    expect(body.error.fields?.map((f) => [f.path, f.code])).toEqual([
      ["name", "required"],
      ["age", "too_small"],
    ]);
    expect(body.error.fields?.[0]?.messages.vi).toBe("Vui lòng nhập thông tin này");
    expect(body.error.fields?.[0]?.messages.en).toBe("This field is required");
  });

  it("when the client prefers English, then message is English", async () => {
    const res = await request(appWith(echo)).post("/api/t").set("Accept-Language", "en-US,en;q=0.9").send({ name: "" , age: 1 });
    expect(res.body.error.message).toBe("The submitted data is not valid");
  });

  it("when the body is over the limit, then 413 with a coded body", async () => {
    const res = await request(appWith(echo)).post("/api/t").set("Content-Type", "application/json").send(JSON.stringify({ name: "x".repeat(70_000), age: 1 }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("http.payload_too_large");
  });

  it("when the JSON is broken, then 400 http.bad_json", async () => {
    const res = await request(appWith(echo)).post("/api/t").set("Content-Type", "application/json").send("{not json");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("http.bad_json");
  });

  it("when a typed error is thrown, then its status and code are answered", async () => {
    const res = await request(appWith(echo)).get("/api/t/forbidden");
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("http.forbidden");
  });

  it("when an unexpected error is thrown, then 500 without its message and with a request id", async () => {
    const res = await request(appWith(echo)).get("/api/t/boom");
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain("0912345678");
    expect(res.body.error.requestId).toBe(res.headers["x-request-id"]);
  });

  it("when a route does not exist, then 404 http.route_not_found", async () => {
    const res = await request(appWith(echo)).get("/nope");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("http.route_not_found");
  });

  it("health, readiness and metrics answer; readiness follows the database", async () => {
    let up = true;
    const app = appWith(echo, async () => {
      if (!up) throw new Error("down");
    });
    expect((await request(app).get("/healthz")).status).toBe(200);
    expect((await request(app).get("/readyz")).status).toBe(200);
    up = false;
    expect((await request(app).get("/readyz")).status).toBe(503);
    const metrics = await request(app).get("/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain("khaibao_http_requests_total");
  });

  it("sets security headers", async () => {
    const res = await request(appWith(express.Router())).get("/healthz");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });
});

describe("CORS for the mini app inside Zalo", () => {
  const app = createApp({ logger: createLogger({ level: "silent" }), metrics: createMetrics(), ping: async () => {}, corsOrigins: ["https://h5.zdn.vn"], api: [["/api/t", echo]], other: [] });

  it("when Zalo's host sends a preflight, then our headers are allowed", async () => {
    const res = await request(app).options("/api/t").set("Origin", "https://h5.zdn.vn").set("Access-Control-Request-Method", "POST");
    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("https://h5.zdn.vn");
    expect(res.headers["access-control-allow-headers"]).toContain("X-Zalo-Access-Token");
  });

  it("when another origin calls, then no CORS header is given", async () => {
    const res = await request(app).get("/api/t/forbidden").set("Origin", "https://evil.example");
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
