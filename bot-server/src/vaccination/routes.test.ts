import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema, trustListSchema, VACCINATION_NOT_FOUND, verifyHc1 } from "@khaibao/shared";
import { createApp } from "../http/app";
import { createLogger } from "../observability/logger";
import { createMetrics } from "../observability/metrics";
import type { RunningStandin } from "../standins/listen";
import { devSignerTrustEntry, SEEDED_PEOPLE, startVaccinationRegistryStandin } from "../standins/vaccination-registry";
import { startZaloGraphStandin } from "../standins/zalo-graph";
import { createTokenBucketLimiter } from "../declarations/rate-limit";
import { createHttpZaloGraph, withMeCache } from "../zalo";
import { createHttpVaccinationRegistry, createVaccinationFeature, TrustStore } from ".";

const APP_SECRET = "vaccination-routes-secret";
const REGISTRY_TOKEN = "registry-test-token";
const AN = SEEDED_PEOPLE[0]!;
const BINH = SEEDED_PEOPLE[1]!;

let graph: RunningStandin;
let registry: RunningStandin;
beforeAll(async () => {
  graph = await startZaloGraphStandin({ appSecret: APP_SECRET });
  registry = await startVaccinationRegistryStandin({ token: REGISTRY_TOKEN });
});
afterAll(async () => {
  await graph.stop();
  await registry.stop();
});

function buildApp(opts: { perUser?: number; perAddress?: number; registryUrl?: string } = {}): { app: Express; trust: TrustStore } {
  const trust = new TrustStore();
  trust.set("development", [devSignerTrustEntry()]);
  const feature = createVaccinationFeature({
    registry: createHttpVaccinationRegistry({ baseUrl: opts.registryUrl ?? registry.url, token: REGISTRY_TOKEN }),
    trust,
    updater: undefined,
    graph: withMeCache(createHttpZaloGraph({ baseUrl: graph.url, appSecret: APP_SECRET })),
    logger: createLogger({ level: "silent" }),
    limiters: {
      // A stopped clock: no token comes back during a test, however slow the machine.
      perUser: createTokenBucketLimiter({ capacity: opts.perUser ?? 100, perMinute: 1, now: () => 0 }),
      perAddress: createTokenBucketLimiter({ capacity: opts.perAddress ?? 100, perMinute: 1, now: () => 0 }),
    },
  });
  return { app: createApp({ logger: createLogger({ level: "silent" }), metrics: createMetrics(), ping: async () => {}, api: feature.api, other: [] }), trust };
}

const newUser = () => `dev:${Math.floor(Math.random() * 9e17 + 1e17)}`;
const detailsOf = (p: typeof AN) => ({ idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: p.dateOfBirth });
const lookup = (app: Express, body: unknown, token: string | undefined = newUser()) => {
  const req = request(app).post("/api/vaccination/lookup").set("accept-language", "en");
  return (token ? req.set("x-zalo-access-token", token) : req).send(body as object);
};

describe("POST /api/vaccination/lookup", () => {
  it("when a seeded person gives their details, then the answer is an HC1 certificate that verifies with the served trust list", async () => {
    const { app } = buildApp();
    const res = await lookup(app, { ...detailsOf(AN), fullName: "nguyen van an" });
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const list = trustListSchema.parse((await request(app).get("/api/vaccination/trust-list")).body);
    const result = await verifyHc1(res.body.hc1, { trust: list.entries, now: new Date() });
    expect(result).toMatchObject({ valid: true, certificate: { nam: { fnt: "NGUYEN", gnt: "VAN<AN" }, dob: AN.dateOfBirth, v: [{ dn: 3, sd: 2, mp: "EU/1/20/1528", ci: AN.uvci }] } });
  });

  it("when nobody has the details, or a known ID comes with a wrong name or date of birth, then the answers are identical 404s", async () => {
    const { app } = buildApp();
    const answers = await Promise.all([
      lookup(app, { idNumber: "001090099999", fullName: "Nguyễn Văn An", dateOfBirth: "1990-05-12" }), // nobody
      lookup(app, { ...detailsOf(AN), fullName: "Nguyễn Văn Anh" }), // right ID, wrong name
      lookup(app, { ...detailsOf(AN), dateOfBirth: "1990-05-13" }), // right ID, wrong day
      lookup(app, { ...detailsOf(AN), idNumber: BINH.idNumber.replace(/^079195/, "001090") }), // someone else's number shape
    ]);
    const comparable = answers.map((r) => {
      const body = errorBodySchema.parse(r.body);
      return { status: r.status, cache: r.headers["cache-control"], code: body.error.code, messages: body.error.messages, keys: Object.keys(body.error).sort() };
    });
    expect(comparable[0]).toMatchObject({ status: 404, code: VACCINATION_NOT_FOUND });
    for (const c of comparable) expect(c).toEqual(comparable[0]);
  });

  it("when the body is wrong, then 400 names each field in Vietnamese and English", async () => {
    const { app } = buildApp();
    const res = await lookup(app, { idNumber: "12", fullName: "", dateOfBirth: "31/12/1990" });
    expect(res.status).toBe(400);
    const body = errorBodySchema.parse(res.body);
    expect(body.error.code).toBe("http.validation_failed");
    expect([...new Set(body.error.fields?.map((f) => f.path))].sort()).toEqual(["dateOfBirth", "fullName", "idNumber"]);
    for (const f of body.error.fields ?? []) expect(f.messages.vi).not.toBe(f.messages.en);
  });

  it("when there is no Zalo token, then 401 before anything is looked up", async () => {
    const { app } = buildApp();
    const res = await lookup(app, detailsOf(AN), "");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("zalo.token_missing");
  });

  it("when one user looks up more than the budget, then 429 with Retry-After, and another user still gets answers", async () => {
    const { app } = buildApp({ perUser: 3 });
    const user = newUser();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await lookup(app, { ...detailsOf(AN), dateOfBirth: `1990-05-1${i}` }, user)).status);
    expect(statuses).toEqual([404, 404, 200, 429]);
    const limited = await lookup(app, detailsOf(AN), user);
    expect(limited.body.error.code).toBe("http.rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await lookup(app, detailsOf(AN))).status).toBe(200);
  });

  it("when one address sends more than its budget, then 429 even with a new user each time (and before asking Zalo)", async () => {
    const { app } = buildApp({ perAddress: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await lookup(app, detailsOf(AN))).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await lookup(app, detailsOf(AN), "")).status).toBe(429);
  });

  it("when the registry cannot be reached, then 503 vaccination.registry_unavailable, not 'not found'", async () => {
    const { app } = buildApp({ registryUrl: "http://127.0.0.1:9" });
    const res = await lookup(app, detailsOf(AN));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("vaccination.registry_unavailable");
  });
});

describe("GET /api/vaccination/trust-list", () => {
  it("when asked, then the list has a version, a date and the signer entries; the same version answers 304", async () => {
    const { app, trust } = buildApp();
    const res = await request(app).get("/api/vaccination/trust-list");
    expect(res.status).toBe(200);
    const list = trustListSchema.parse(res.body);
    expect(list.entries).toEqual([devSignerTrustEntry()]);
    expect(res.headers.etag).toBe(`"${list.version}"`);
    expect(res.headers["cache-control"]).toContain("max-age");
    expect((await request(app).get("/api/vaccination/trust-list").set("if-none-match", res.headers.etag!)).status).toBe(304);

    trust.set("files", []);
    trust.set("development", []);
    const changed = await request(app).get("/api/vaccination/trust-list").set("if-none-match", res.headers.etag!);
    expect(changed.status).toBe(200);
    expect(changed.body.version).not.toBe(list.version);
    expect(changed.body.entries).toEqual([]);
  });
});
