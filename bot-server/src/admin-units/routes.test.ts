import express from "express";
import { pino } from "pino";
import request from "supertest";
import { describe, expect, it } from "vitest";
import {
  provinceListResponseSchema,
  provinceSearchResponseSchema,
  wardListResponseSchema,
  wardResponseSchema,
  wardSearchResponseSchema,
} from "@khaibao/shared";
import { errorHandler, routeNotFound } from "../http/error-handler";
import { loadAdminUnits } from "./repository";
import { adminUnitsRouter } from "./routes";

const repo = loadAdminUnits();
const app = express();
app.use("/api/admin-units", adminUnitsRouter(repo));
app.use(routeNotFound);
app.use(errorHandler(pino({ level: "silent" })));

describe("GET /api/admin-units/provinces", () => {
  it("when listed, then all 34 provinces come with cache headers", async () => {
    const res = await request(app).get("/api/admin-units/provinces").expect(200);
    const body = provinceListResponseSchema.parse(res.body);
    expect(body.provinces).toHaveLength(34);
    expect(body.provinces.find((p) => p.code === "79")?.mergedFromNames).toEqual(["Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"]);
    expect(res.headers["cache-control"]).toBe("public, max-age=86400");
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
  });
});

describe("GET /api/admin-units/provinces/:code/wards", () => {
  it("when a province is asked for, then its wards come with a strong ETag and a day of caching", async () => {
    const res = await request(app).get("/api/admin-units/provinces/01/wards").expect(200);
    const body = wardListResponseSchema.parse(res.body);
    expect(body.province).toEqual({ code: "01", name: "Hà Nội" });
    expect(body.wards).toHaveLength(126);
    expect(body.wards.every((w) => w.provinceCode === "01")).toBe(true);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["cache-control"]).toBe("public, max-age=86400");
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/); // strong: no W/ prefix
  });

  it("when the client sends the ETag back, then the answer is 304 without a body", async () => {
    const first = await request(app).get("/api/admin-units/provinces/79/wards").expect(200);
    const etag = first.headers.etag as string;
    const again = await request(app).get("/api/admin-units/provinces/79/wards").set("If-None-Match", etag).expect(304);
    expect(again.text ?? "").toBe("");
    expect(again.headers.etag).toBe(etag);
    await request(app).get("/api/admin-units/provinces/79/wards").set("If-None-Match", '"stale"').expect(200);
  });

  it("when the biggest province is served, then its JSON stays well under 100 kB", async () => {
    let biggest = { code: "", bytes: 0, wards: 0 };
    for (const p of repo.provinces()) {
      const res = await request(app).get(`/api/admin-units/provinces/${p.code}/wards`).expect(200);
      const bytes = Buffer.byteLength(res.text, "utf8");
      if (bytes > biggest.bytes) biggest = { code: p.code, bytes, wards: (res.body as { wards: unknown[] }).wards.length };
    }
    console.log(`biggest per-province ward list: ${biggest.code} (${biggest.wards} wards) ${(biggest.bytes / 1024).toFixed(1)} kB`);
    expect(biggest.bytes).toBeLessThan(60 * 1024);
  });

  it("when the province is unknown or a pre-2025 code, then the answer is 404 address.province_unknown", async () => {
    for (const code of ["99", "74", "abc"]) {
      const res = await request(app).get(`/api/admin-units/provinces/${code}/wards`).expect(404);
      expect(res.body.error.code).toBe("address.province_unknown");
      expect(res.body.error.messages.vi).toBe("Không tìm thấy tỉnh/thành phố này");
    }
  });
});

describe("GET /api/admin-units/wards/search", () => {
  it("when searching without diacritics, then matches come ranked, with notes for former names", async () => {
    const res = await request(app).get("/api/admin-units/wards/search").query({ q: "hang bac", province: "01" }).expect(200);
    const body = wardSearchResponseSchema.parse(res.body);
    expect(body.query).toBe("hang bac");
    expect(body.results[0]).toMatchObject({ ward: { code: "00070", name: "Phường Hoàn Kiếm" }, matchedKind: "old_ward" });
    expect(body.results[0]?.note?.code).toMatch(/^address\.note_ward_merged/);
    expect(res.body.results[0].ward.oldNames).toBeUndefined();
  });

  it("when q is missing or the province is unknown, then the answer is 400 naming the field", async () => {
    const missing = await request(app).get("/api/admin-units/wards/search").expect(400);
    expect(missing.body.error.code).toBe("http.validation_failed");
    expect(missing.body.error.fields[0].path).toBe("q");
    const badProvince = await request(app).get("/api/admin-units/wards/search").query({ q: "x", province: "74" }).expect(400);
    expect(badProvince.body.error.fields[0]).toMatchObject({ path: "province", code: "address.province_unknown" });
  });

  it("when the province parameter is empty, then all provinces are searched", async () => {
    const res = await request(app).get("/api/admin-units/wards/search?q=hoa%20binh&province=").expect(200);
    const provinces = new Set((res.body as { results: { ward: { provinceCode: string } }[] }).results.map((r) => r.ward.provinceCode));
    expect(provinces.size).toBeGreaterThan(1);
  });

  it("when a limit is given, then at most that many results come back", async () => {
    const res = await request(app).get("/api/admin-units/wards/search").query({ q: "hoa", limit: "3" }).expect(200);
    expect(res.body.results).toHaveLength(3);
  });
});

describe("GET /api/admin-units/provinces/search", () => {
  it("when searching a former province, then the merged province comes with the note", async () => {
    const res = await request(app).get("/api/admin-units/provinces/search").query({ q: "binh duong" }).expect(200);
    const body = provinceSearchResponseSchema.parse(res.body);
    expect(body.results[0]).toMatchObject({
      province: { code: "79", name: "Hồ Chí Minh" },
      note: { code: "address.note_merged", params: { old: "Bình Dương", new: "Hồ Chí Minh" } },
    });
  });
});

describe("GET /api/admin-units/wards/:code", () => {
  it("when a ward exists, then it comes with its province; otherwise 404 address.ward_unknown", async () => {
    const res = await request(app).get("/api/admin-units/wards/00070").expect(200);
    expect(wardResponseSchema.parse(res.body)).toMatchObject({ ward: { name: "Phường Hoàn Kiếm" }, province: { code: "01" } });
    const missing = await request(app).get("/api/admin-units/wards/99999").expect(404);
    expect(missing.body.error.code).toBe("address.ward_unknown");
  });
});
