import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../http/app";
import { createLogger } from "../observability/logger";
import { createMetrics } from "../observability/metrics";
import { consoleRouter } from "./console";

function appServing(dir: string) {
  return createApp({ logger: createLogger({ level: "silent" }), metrics: createMetrics(), ping: async () => {}, api: [], other: [["/console", consoleRouter(dir)]] });
}

describe("staff console hosting", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "khaibao-console-dist-"));
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "index.html"), '<!doctype html><script type="module" src="/console/assets/index-AbCd1234.js"></script>');
    writeFileSync(path.join(dir, "assets", "index-AbCd1234.js"), "console.log(1)");
    writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("when the console is opened, then the shell comes back uncached, under the app's CSP", async () => {
    const res = await request(appServing(dir)).get("/console/");
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("media-src 'self' blob:");
    expect((await request(appServing(dir)).get("/console")).status).toBe(200);
  });

  it("when a page of the console is reloaded, then the same shell answers (the app routes in the browser)", async () => {
    for (const page of ["/console/verify", "/console/accounts", "/console/audit"]) {
      const res = await request(appServing(dir)).get(page);
      expect(res.status, page).toBe(200);
      expect(res.text).toContain("index-AbCd1234.js");
    }
  });

  it("when a hashed asset is fetched, then it is cached for a year; a missing one is a 404, not the shell", async () => {
    const asset = await request(appServing(dir)).get("/console/assets/index-AbCd1234.js");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await request(appServing(dir)).get("/console/favicon.svg")).headers["cache-control"]).toBe("no-cache");
    expect((await request(appServing(dir)).get("/console/assets/index-old00000.js")).status).toBe(404);
  });

  it("when the console is not built, then 503 says how to build it", async () => {
    const res = await request(appServing(path.join(dir, "nope"))).get("/console/");
    expect(res.status).toBe(503);
    expect(res.text).toContain("npm run build");
  });
});
