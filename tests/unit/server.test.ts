import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { checkpointResponseSchema, checkpointListResponseSchema, errorBodySchema } from "@khaibao/shared";
import { startTestServer, type TestServer } from "../support/server";

describe("bot server started as a whole", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("when started on embedded defaults, then /healthz and /readyz answer 200", async () => {
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { database: "ok" } });
  });

  it("when a seeded checkpoint is asked for, then its name and place come back in the shared schema", async () => {
    const res = await fetch(`${t.baseUrl}/api/checkpoints/hn-phapvan`);
    expect(res.status).toBe(200);
    const { checkpoint } = checkpointResponseSchema.parse(await res.json());
    expect(checkpoint).toMatchObject({ id: "HN-PHAPVAN", name: "Pháp Vân - Cầu Giẽ", provinceName: "Hà Nội", wardName: "Phường Hoàng Liệt", active: true });
  });

  it("lists the five Hanoi gateways", async () => {
    const { checkpoints } = checkpointListResponseSchema.parse(await (await fetch(`${t.baseUrl}/api/checkpoints`)).json());
    expect(checkpoints.map((c) => c.id).sort()).toEqual(["HN-BACTHANGLONG", "HN-BALA", "HN-NHON", "HN-PHAPVAN", "HN-THANHTRI"]);
    for (const c of checkpoints) expect(c.wardName, c.id).toBeTruthy();
  });

  it("when a checkpoint is unknown, then 404 checkpoint.not_found in both languages", async () => {
    const res = await fetch(`${t.baseUrl}/api/checkpoints/HN-NOWHERE`, { headers: { "accept-language": "en" } });
    expect(res.status).toBe(404);
    const body = errorBodySchema.parse(await res.json());
    expect(body.error.code).toBe("checkpoint.not_found");
    expect(body.error.message).toBe("Unknown checkpoint");
    expect(body.error.messages.vi).toBe("Không tìm thấy chốt kiểm soát này");
  });

  it("when a checkpoint id is malformed, then 400 names the field", async () => {
    const res = await fetch(`${t.baseUrl}/api/checkpoints/${encodeURIComponent("<script>")}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].code).toBe("checkpoint.id_format");
  });

  it("serves wards per province, small and cacheable", async () => {
    const res = await fetch(`${t.baseUrl}/api/admin-units/provinces/01/wards`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeTruthy();
    const text = await res.text();
    expect(text.length).toBeLessThan(60_000);
    expect(text).toContain("Hoàng Liệt");
  });

  it("serves the mini app shell at /app/", async () => {
    const res = await fetch(`${t.baseUrl}/app/?checkpoint=HN-PHAPVAN`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<div id=\"app\"");
  });
});

describe("production start-up", () => {
  it("when NODE_ENV=production and no secrets are set, then the process exits non-zero naming them", () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ZALO_") && !k.endsWith("_URL") && !k.endsWith("_KEY")));
    const r = spawnSync(process.execPath, ["--import", "tsx", "bot-server/src/main.ts"], {
      env: { ...env, NODE_ENV: "production", PORT: "0" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.status).not.toBe(0);
    for (const name of ["DATABASE_URL", "ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY", "DATA_ENCRYPTION_KEY", "RECEIPT_SIGNING_KEY"]) {
      expect(r.stderr).toContain(name);
    }
  });
});

describe("mini app hosting", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("when an asset is missing, then 404 rather than the page shell", async () => {
    expect((await fetch(`${t.baseUrl}/app/assets/nope.js`)).status).toBe(404);
  });

  it("when a deep path is opened, then it goes back to /app/ keeping the query", async () => {
    const res = await fetch(`${t.baseUrl}/app/declare/x?checkpoint=HN-BALA`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/app/?checkpoint=HN-BALA");
  });
});

describe("mini app hosting without the trailing slash", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("when /app is opened without its slash, then it redirects to /app/ keeping the query", async () => {
    const res = await fetch(`${t.baseUrl}/app?checkpoint=HN-BALA`, { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/app/?checkpoint=HN-BALA");
  });
});
