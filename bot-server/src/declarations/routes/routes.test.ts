import { createHash, randomUUID } from "node:crypto";
import type { Express } from "express";
import request from "supertest";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  errorBodySchema,
  receiptLookupResponseSchema,
  submitDeclarationRequestSchema,
  submitDeclarationResponseSchema,
  verifyReceipt,
  currentConsentText,
  type DeclarationInput,
} from "@khaibao/shared";
import { loadAdminUnits } from "../../admin-units";
import { createApp } from "../../http/app";
import { createLogger } from "../../observability/logger";
import { createMetrics } from "../../observability/metrics";
import { createConsents, type FieldCipher } from "../../privacy";
import type { ReceiptSigner } from "../../receipts";
import type { Database } from "../../storage";
import { openTestDatabases } from "../../storage/testing";
import { startZaloGraphStandin } from "../../standins/zalo-graph";
import type { RunningStandin } from "../../standins/listen";
import { createHttpZaloGraph, withMeCache } from "../../zalo";
import { createDeclarationsFeature, createTokenBucketLimiter } from "..";
import { canonicalJson } from "../request-hash";
import { sampleDeclaration, seedCheckpoints, testCipher, testSigner } from "../testing";

const APP_SECRET = "routes-test-secret";
const NOW = new Date("2026-11-28T09:00:00.000Z");
const adminUnits = loadAdminUnits();

let graphStandin: RunningStandin;
beforeAll(async () => {
  graphStandin = await startZaloGraphStandin({ appSecret: APP_SECRET });
});
afterAll(() => graphStandin.stop());

describe.each(openTestDatabases({ migrate: true }))("declaration routes on $name", ({ open }) => {
  let db: Database;
  let cipher: FieldCipher;
  let signer: ReceiptSigner;
  let app: Express;

  function buildApp(limits: { submit?: number; receipts?: number } = {}): Express {
    const feature = createDeclarationsFeature({
      db,
      checkpoints: { get: (id) => seeded.get(id) },
      wards: adminUnits,
      graph: withMeCache(createHttpZaloGraph({ baseUrl: graphStandin.url, appSecret: APP_SECRET })),
      cipher,
      signer,
      consents: createConsents(db),
      backend: { submit: async () => ({ ok: true, duplicate: false }) },
      registry: createMetrics().registry,
      logger: createLogger({ level: "silent" }),
      receiptValidityHours: 72,
      outbox: { owner: "t", maxAttempts: 3, concurrency: 1, pollMs: 60_000, leaseMs: 30_000, retry: { baseMs: 10, maxMs: 100 } },
      limiters: {
        ...(limits.submit ? { submit: createTokenBucketLimiter({ capacity: limits.submit, perMinute: limits.submit }) } : {}),
        ...(limits.receipts ? { receipts: createTokenBucketLimiter({ capacity: limits.receipts, perMinute: limits.receipts }) } : {}),
      },
      now: () => NOW,
    });
    return createApp({ logger: createLogger({ level: "silent" }), metrics: createMetrics(), ping: async () => {}, api: feature.api, other: [] });
  }

  let seeded: Awaited<ReturnType<typeof seedCheckpoints>>;
  beforeEach(async () => {
    db = await open();
    seeded = await seedCheckpoints(db);
    cipher = await testCipher();
    signer = await testSigner();
    app = buildApp();
  });
  afterEach(async () => {
    await (db as Database | undefined)?.close();
  });

  /** Each test its own Zalo user, so budgets and keys never cross. */
  const newUser = () => `dev:${Math.floor(Math.random() * 9e17 + 1e17)}`;
  const submit = (token: string | undefined, body: unknown, on: Express = app) => {
    const req = request(on).post("/api/declarations").set("Accept-Language", "en");
    return (token ? req.set("x-zalo-access-token", token) : req).send(body as object);
  };
  const bodyWith = (overrides: Partial<DeclarationInput> = {}, key: string = randomUUID()) => ({ idempotencyKey: key, declaration: sampleDeclaration(overrides) });
  const rowCount = async () => Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declarations"))?.n);
  const fieldsOf = (res: request.Response) => errorBodySchema.parse(res.body).error.fields?.map((f) => [f.path, f.code]);

  it("when a valid declaration is submitted, then 201 with a masked receipt whose QR verifies, and an outbox row", async () => {
    const res = await submit(newUser(), bodyWith());
    expect(res.status).toBe(201);
    const { receipt, replayed, warnings } = submitDeclarationResponseSchema.parse(res.body);
    expect(replayed).toBe(false);
    expect(warnings).toEqual([]);
    expect(receipt).toMatchObject({
      checkpointId: "HN-PHAPVAN",
      checkpointName: "Pháp Vân - Cầu Giẽ",
      direction: "into",
      holderName: "NGUYEN V** A*",
      holderId: "***456",
      status: "accepted",
      issuedAt: "2026-11-28T09:00:00.000Z",
      expiresAt: "2026-12-01T09:00:00.000Z",
    });
    const verified = await verifyReceipt(receipt.qr, signer.keySet(), NOW);
    expect(verified).toMatchObject({ ok: true, claims: { code: receipt.code, holderName: "NGUYEN V** A*", checkpointId: "HN-PHAPVAN" } });
    const outbox = await db.all("SELECT declaration_id, state, attempts FROM declaration_outbox");
    expect(outbox).toEqual([{ declaration_id: receipt.declarationId, state: "pending", attempts: 0 }]);
  });

  it("when the same idempotency key is sent again, then the same receipt comes back, replayed, and one row exists", async () => {
    const user = newUser();
    const body = bodyWith();
    const first = submitDeclarationResponseSchema.parse((await submit(user, body)).body);
    // The same declaration typed differently (spaces in the phone) is the same declaration.
    const again = await submit(user, { ...body, declaration: { ...body.declaration, identity: { ...body.declaration.identity, phone: "+84 912 345 678" } } });
    expect(again.status).toBe(201);
    const second = submitDeclarationResponseSchema.parse(again.body);
    expect(second.replayed).toBe(true);
    expect(second.receipt).toEqual(first.receipt);
    expect(await rowCount()).toBe(1);
  });

  it("when two identical submissions race, then one row is stored and both get its receipt", async () => {
    const user = newUser();
    const body = bodyWith();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(user, body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const codes = new Set(answers.map((a) => submitDeclarationResponseSchema.parse(a.body).receipt.code));
    expect(codes.size).toBe(1);
    expect(answers.filter((a) => a.body.replayed === false)).toHaveLength(1);
    expect(await rowCount()).toBe(1);
  });

  it("when an idempotency key is reused for a different declaration, then 409 declaration.idempotency_conflict", async () => {
    const user = newUser();
    const key = randomUUID();
    expect((await submit(user, bodyWith({}, key))).status).toBe(201);
    const res = await submit(user, bodyWith({ vaccination: { doses: 1 } }, key));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("declaration.idempotency_conflict");
    expect(await rowCount()).toBe(1);
  });

  it("when another user sends the same key, then it is their own declaration (keys are per user)", async () => {
    const body = bodyWith();
    expect((await submit(newUser(), body)).status).toBe(201);
    expect((await submit(newUser(), body)).body.replayed).toBe(false);
    expect(await rowCount()).toBe(2);
  });

  it("when the CCCD contradicts the declared gender, then 400 at declaration.identity.idNumber with cccd.gender_mismatch", async () => {
    const d = sampleDeclaration();
    const res = await submit(newUser(), bodyWith({ identity: { ...d.identity, gender: "female" } }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("http.validation_failed");
    expect(fieldsOf(res)).toEqual([["declaration.identity.idNumber", "cccd.gender_mismatch"]]);
    expect(await rowCount()).toBe(0);
  });

  it("when several fields are wrong, then each is named with its path and code", async () => {
    const d = sampleDeclaration();
    const res = await submit(newUser(), { idempotencyKey: "not-a-uuid", declaration: { ...d, identity: { ...d.identity, phone: "12" }, health: { ...d.health, fever: undefined } } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual([
      ["idempotencyKey", "declaration.idempotency_key_invalid"],
      ["declaration.identity.phone", "phone.format"],
      ["declaration.health.fever", "health.answer_required"],
    ]);
  });

  it("when the checkpoint is unknown or closed, then 400 at declaration.trip.checkpointId", async () => {
    const d = sampleDeclaration();
    for (const checkpointId of ["HN-NOWHERE", "HN-CLOSED"]) {
      const res = await submit(newUser(), bodyWith({ trip: { ...d.trip, checkpointId } }));
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual([["declaration.trip.checkpointId", "declaration.checkpoint_unknown"]]);
    }
  });

  it("when leaving the city through an into-the-city-only checkpoint, then 400 at declaration.trip.direction", async () => {
    const d = sampleDeclaration();
    const res = await submit(newUser(), bodyWith({ trip: { ...d.trip, checkpointId: "HN-BALA", direction: "out_of" } }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual([["declaration.trip.direction", "trip.direction_mismatch"]]);
  });

  it("when a ward is not in its province, then 400 at that ward, checked on the server", async () => {
    const d = sampleDeclaration();
    const res = await submit(newUser(), bodyWith({
      residence: { ...d.residence, provinceCode: "79" },
      trip: { ...d.trip, destination: { provinceCode: "01", wardCode: "99999" } },
    }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual([
      ["declaration.residence.wardCode", "address.ward_not_in_province"],
      ["declaration.trip.destination.wardCode", "address.ward_unknown"],
    ]);
  });

  it("when the body is over the limit, then 413 http.payload_too_large", async () => {
    const res = await request(app).post("/api/declarations").set("x-zalo-access-token", newUser()).set("Content-Type", "application/json")
      .send(JSON.stringify({ ...bodyWith(), padding: "x".repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("http.payload_too_large");
  });

  it("when the access token is missing or forged, then 401 and nothing is stored", async () => {
    const missing = await submit(undefined, bodyWith());
    expect([missing.status, missing.body.error.code]).toEqual([401, "zalo.token_missing"]);
    expect(missing.body.error.message).toBe("Please open the app in Zalo to declare");
    const forged = await submit("eyJhbGciOiJIUzI1NiJ9.forged.sig", bodyWith());
    expect([forged.status, forged.body.error.code]).toEqual([401, "zalo.token_invalid"]);
    expect(await rowCount()).toBe(0);
  });

  it("when a user sends more new declarations than the budget, then 429 with Retry-After, and replays still answer", async () => {
    const limited = buildApp({ submit: 2 });
    const user = newUser();
    const first = bodyWith();
    expect((await submit(user, first, limited)).status).toBe(201);
    expect((await submit(user, bodyWith(), limited)).status).toBe(201);
    const third = await submit(user, bodyWith(), limited);
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe("http.rate_limited");
    expect(Number(third.headers["retry-after"])).toBeGreaterThan(0);
    expect((await submit(user, first, limited)).body.replayed).toBe(true);
    expect((await submit(newUser(), bodyWith(), limited)).status).toBe(201);
  });

  it("when a declaration is retried (a lost answer, a double tap), then the replay costs none of the budget", async () => {
    const limited = buildApp({ submit: 2 });
    const user = newUser();
    const first = bodyWith();
    expect((await submit(user, first, limited)).status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await submit(user, first, limited)).body.replayed).toBe(true);
    expect((await submit(user, bodyWith(), limited)).status).toBe(201);
  });

  it("when a retry sends the same declaration with its keys in another order, then it is a replay, not a conflict", async () => {
    const user = newUser();
    const body = bodyWith();
    expect((await submit(user, body)).status).toBe(201);
    const reversed = (v: unknown): unknown =>
      v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    const again = await submit(user, reversed(body));
    expect([again.status, again.body.replayed]).toEqual([201, true]);
    expect(await rowCount()).toBe(1);
  });

  it("when a declaration stored with a version-1 fingerprint (sorted keys) is retried, then it still replays, and a different one under its key is a 409", async () => {
    const user = newUser();
    const body = bodyWith();
    const first = submitDeclarationResponseSchema.parse((await submit(user, body)).body);
    const parsed = submitDeclarationRequestSchema.parse(body).declaration;
    const v1 = cipher.blindIndex("declaration-request", createHash("sha256").update(canonicalJson(parsed), "utf8").digest("hex"));
    await db.run("UPDATE declarations SET request_hash = $1 WHERE id = $2", [v1, first.receipt.declarationId]);
    const again = await submit(user, body);
    expect([again.status, again.body.replayed, again.body.receipt?.code]).toEqual([201, true, first.receipt.code]);
    expect((await submit(user, { ...body, declaration: { ...body.declaration, vaccination: { doses: 1 } } })).status).toBe(409);
  });

  it("when the rows are read raw, then no CCCD, phone or name appears in any column", async () => {
    await submit(newUser(), bodyWith());
    const rows = [...(await db.all("SELECT * FROM declarations")), ...(await db.all("SELECT * FROM declaration_outbox"))];
    expect(rows.length).toBe(2);
    const dump = rows
      .flatMap((row) => Object.values(row))
      .map((v) => (Buffer.isBuffer(v) ? `${v.toString("utf8")} ${v.toString("latin1")} ${v.toString("hex")}` : String(v)))
      .join("\n")
      .toLowerCase();
    for (const secret of ["001090123456", "912345678", "nguyễn", "nguyen van an", "văn an", "12 phố đội cấn", "29a-123.45"]) {
      expect(dump, secret).not.toContain(secret);
    }
    expect(dump).not.toContain(Buffer.from("001090123456").toString("hex"));
  });

  it("when a receipt code is looked up, then its live status and masks, without the QR", async () => {
    const { receipt } = submitDeclarationResponseSchema.parse((await submit(newUser(), bodyWith())).body);
    const spaced = receipt.code.replace(/(\d{4})(?=\d)/g, "$1 ");
    const res = await request(app).get(`/api/receipts/${encodeURIComponent(spaced)}`);
    expect(res.status).toBe(200);
    const body = receiptLookupResponseSchema.parse(res.body);
    expect(body.receipt).toMatchObject({ code: receipt.code, status: "accepted", valid: true, statusReason: null, holderName: "NGUYEN V** A*" });
    expect(res.body.receipt.qr).toBeUndefined();
    await db.run("UPDATE declarations SET status = 'rejected', status_reason = 'duplicate_person' WHERE receipt_code = $1", [receipt.code]);
    expect((await request(app).get(`/api/receipts/${receipt.code}`)).body.receipt).toMatchObject({ valid: false, status: "rejected", statusReason: "duplicate_person" });
  });

  it("when a receipt code is unknown or malformed, then 404 receipt.not_found or 400", async () => {
    const unknown = await request(app).get("/api/receipts/0000000000");
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "receipt.not_found"]);
    expect((await request(app).get("/api/receipts/12ab")).status).toBe(400);
  });

  it("when one address looks up too many receipts, then 429", async () => {
    const limited = buildApp({ receipts: 2 });
    const codes = [await request(limited).get("/api/receipts/0000000001"), await request(limited).get("/api/receipts/0000000002"), await request(limited).get("/api/receipts/0000000003")];
    expect(codes.map((r) => r.status)).toEqual([404, 404, 429]);
    expect(codes[2]?.headers["retry-after"]).toBeDefined();
  });

  it("when the mini app asks who the user is and for their phone, with consent, then Zalo's answers come back", async () => {
    const consents = createConsents(db);
    await consents.give("2468458835296197922", "profile", currentConsentText("profile").version, NOW);
    await consents.give("2468458835296197922", "phone", currentConsentText("phone").version, NOW);
    const me = await request(app).get("/api/me").set("x-zalo-access-token", "dev:2468458835296197922:An");
    expect(me.body).toEqual({ user: { id: "2468458835296197922", name: "An" } });
    const phone = await request(app).post("/api/me/phone").set("x-zalo-access-token", "dev:2468458835296197922").send({ token: "devphone:0987654321" });
    expect(phone.body).toEqual({ phone: "+84987654321" });
    const refused = await request(app).post("/api/me/phone").set("x-zalo-access-token", "dev:2468458835296197922").send({ token: "expired" });
    expect([refused.status, refused.body.error.code]).toEqual([400, "zalo.phone_token_invalid"]);
    expect((await request(app).get("/api/me")).status).toBe(401);
  });
});
