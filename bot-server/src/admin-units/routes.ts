import { createHash } from "node:crypto";
import { Router, type Request, type Response } from "express";
import {
  adminUnitSearchQuerySchema,
  type ProvinceListResponse,
  type ProvinceSearchResponse,
  type WardListResponse,
  type WardMatch,
  type WardResponse,
  type WardSearchResponse,
} from "@khaibao/shared";
import { AppError } from "../http/errors";
import { validate } from "../http/validate";
import type { AdminUnitsRepository } from "./repository";

/** The data changes only with a new package version (i.e. a deploy): let clients and proxies keep it a day. */
export const ADMIN_UNITS_CACHE_CONTROL = "public, max-age=86400";

interface CachedBody {
  body: string;
  etag: string;
}

function cached(value: unknown): CachedBody {
  const body = JSON.stringify(value);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { body, etag };
}

/** Sends a prepared JSON body with a strong ETag; answers 304 when the client already has it. */
function sendCached(req: Request, res: Response, c: CachedBody): void {
  res.setHeader("Cache-Control", ADMIN_UNITS_CACHE_CONTROL);
  res.setHeader("ETag", c.etag);
  res.type("application/json; charset=utf-8");
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.send(c.body);
}

function wardSummary(m: WardMatch): WardSearchResponse["results"][number] {
  const { code, name, provinceCode, type } = m.ward;
  return {
    ward: { code, name, provinceCode, ...(type ? { type } : {}) },
    provinceName: m.provinceName,
    matchedName: m.matchedName,
    matchedKind: m.matchedKind,
    score: m.score,
    ...(m.note ? { note: m.note } : {}),
  };
}

/**
 * Public, read-only, mounted at /api/admin-units:
 *   GET /provinces                  the 34 provinces (with the former ones each absorbed)
 *   GET /provinces/search?q=        by current or former name ("binh duong" -> Hồ Chí Minh + note)
 *   GET /provinces/:code/wards      one province's wards with their former names (ETag, 1 day)
 *   GET /wards/search?q=&province=  wards by current or former name
 *   GET /wards/:code                one ward
 */
export function adminUnitsRouter(repo: AdminUnitsRepository): Router {
  const router = Router();
  let provinceList: CachedBody | undefined;
  const wardLists = new Map<string, CachedBody>();

  router.get("/provinces", (req, res) => {
    provinceList ??= cached({ provinces: [...repo.provinces()] } satisfies ProvinceListResponse);
    sendCached(req, res, provinceList);
  });

  router.get("/provinces/search", (req, res) => {
    const { q, limit } = validate(adminUnitSearchQuerySchema.pick({ q: true, limit: true }), req.query);
    const body: ProvinceSearchResponse = {
      query: q,
      results: repo.searchProvinces(q, limit),
    };
    res.setHeader("Cache-Control", ADMIN_UNITS_CACHE_CONTROL);
    res.json(body);
  });

  router.get("/provinces/:code/wards", (req, res) => {
    const code = req.params.code;
    let c = wardLists.get(code);
    if (!c) {
      const province = repo.province(code);
      const wards = province ? repo.wardsOf(code) : undefined;
      if (!province || !wards) throw new AppError("address.province_unknown", 404, { params: { code } });
      const value: WardListResponse = {
        province: { code: province.code, name: province.name },
        wards: [...wards],
      };
      c = cached(value);
      wardLists.set(code, c);
    }
    sendCached(req, res, c);
  });

  router.get("/wards/search", (req, res) => {
    const { q, province, limit } = validate(adminUnitSearchQuerySchema, req.query);
    const body: WardSearchResponse = { query: q, results: repo.search(q, province, limit).map(wardSummary) };
    res.setHeader("Cache-Control", ADMIN_UNITS_CACHE_CONTROL);
    res.json(body);
  });

  router.get("/wards/:code", (req, res) => {
    const ward = repo.ward(req.params.code);
    const province = ward ? repo.province(ward.provinceCode) : undefined;
    if (!ward || !province) throw new AppError("address.ward_unknown", 404, { params: { code: req.params.code } });
    const body: WardResponse = {
      ward,
      province: { code: province.code, name: province.name },
    };
    res.setHeader("Cache-Control", ADMIN_UNITS_CACHE_CONTROL);
    res.json(body);
  });

  return router;
}
