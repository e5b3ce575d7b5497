import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { currentConsentText, errorBodySchema } from "@khaibao/shared";
import { startTestServer, type TestServer } from "../support/server";
import { declarationBody, rawExchange, errorCodeOf, signedWebhook } from "./support";

/**
 * Hostile bodies against the real server on a socket: too large, too deep, keys twice or
 * reaching for prototypes, bytes that are not UTF-8. Each is refused with its code, nothing is
 * stored, nothing leaks into Object.prototype, and the server keeps answering.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ STAFF_BOOTSTRAP_ADMIN: "admin:hostile-admin-password", RETENTION_INTERVAL_MINUTES: "0" });
});
afterAll(() => t.stop());

const TOKEN = "dev:hostile-bodies";
/** Every route of the public API that reads a body (the webhook is below: its own parser, 128 kB). */
const BODY_ROUTES = [
  "/api/declarations",
  "/api/me/phone",
  "/api/me/consents",
  "/api/me/consents/declaration/withdraw",
  "/api/me/deletion-requests",
  "/api/vaccination/lookup",
  "/api/staff/login",
] as const;

async function post(path: string, body: string | Uint8Array, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-zalo-access-token": TOKEN, "accept-language": "en", ...headers },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  const text = await res.text();
  let code: string | undefined;
  try {
    code = errorBodySchema.parse(JSON.parse(text)).error.code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code, text };
}

/**
 * Rows in every table a citizen's API request can write: what a refused request must leave
 * unchanged. The chat tables move by themselves (the OA stand-in reports our replies back as
 * events), so webhook requests are counted per user with `webhookRows`.
 */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await t.server.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const counts: Record<string, number> = {};
  for (const { name } of tables) if (!/^(staff_sessions|staff_login_throttle|schema_migrations|zalo_.*|support_.*)$/.test(name)) counts[name] = Number((await t.server.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${name}`))?.n);
  return counts;
}

const webhookRows = async (userId: string) => Number((await t.server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM zalo_inbox WHERE user_id = $1", [userId]))?.n);

async function stillServing() {
  const res = await post("/api/declarations", JSON.stringify(declarationBody()), { "x-zalo-access-token": `dev:alive-${Math.random().toString(36).slice(2)}` });
  expect(res.status).toBe(201);
}

describe("hostile request bodies", { timeout: 30_000 }, () => {
  it("when a body is over the limit on any route, then 413 http.payload_too_large and nothing is stored", async () => {
    const before = await tableCounts();
    const padding = "x".repeat(70_000);
    for (const path of BODY_ROUTES) {
      const res = await post(path, JSON.stringify({ ...declarationBody(), padding }));
      expect([path, res.status, res.code]).toEqual([path, 413, "http.payload_too_large"]);
    }
    // Sent in chunks, with no Content-Length to refuse it by: counted while it arrives.
    const chunked = await rawExchange(t.baseUrl, (socket) => {
      socket.write(`POST /api/declarations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Zalo-Access-Token: ${TOKEN}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`);
      for (let i = 0; i < 10; i++) socket.write(`2710\r\n${"[".repeat(10_000)}\r\n`);
      socket.write("0\r\n\r\n");
    });
    expect([chunked.status, errorCodeOf(chunked.text)]).toEqual([413, "http.payload_too_large"]);
    // The webhook's limit is 128 kB: a correctly signed event padded past it.
    const webhook = signedWebhook({ userId: "7000000000000000413", raw: (json) => Buffer.from(json.replace('"message":{', `"message":{"pad":"${"y".repeat(140_000)}",`)) });
    const hook = await post("/webhooks/zalo", webhook.body, webhook.headers);
    expect([hook.status, hook.code]).toEqual([413, "http.payload_too_large"]);
    expect(await webhookRows("7000000000000000413")).toBe(0);
    expect(await tableCounts()).toEqual(before);
    await stillServing();
  });

  it("when a small compressed body inflates past the limit (a zip bomb), then 413 without inflating it all", async () => {
    const before = await tableCounts();
    const bomb = gzipSync(Buffer.alloc(20_000_000, 0x20));
    expect(bomb.length).toBeLessThan(64_000);
    for (const path of ["/api/declarations", "/api/staff/login", "/webhooks/zalo"]) {
      const res = await post(path, bomb, { "content-encoding": "gzip" });
      expect([path, res.status]).toEqual([path, 413]);
    }
    const br = await post("/api/declarations", brotliCompressSync(Buffer.alloc(20_000_000, 0x20)), { "content-encoding": "br" });
    expect(br.status).toBe(413);
    expect(await tableCounts()).toEqual(before);
    await stillServing();
  });

  it("when framing is ambiguous (Content-Length with Transfer-Encoding, two lengths), then 400 and no second request is smuggled through", async () => {
    const smuggled = "GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Zalo-Access-Token: dev:smuggled\r\n\r\n";
    for (const framing of [
      `Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`,
      `Content-Length: 4\r\nContent-Length: ${4 + smuggled.length}\r\n\r\n{}{}${smuggled}`,
      `Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n${smuggled}`,
    ]) {
      const answer = await rawExchange(t.baseUrl, (socket) => void socket.write(`POST /api/me/consents HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Zalo-Access-Token: ${TOKEN}\r\n${framing}`));
      expect(answer.status).toBe(400);
      expect(answer.text.match(/HTTP\/1\.1 \d{3}/g)).toHaveLength(1);
    }
  });

  it("when JSON is nested 100,000 levels deep, then 413 (it is over the limit); 30,000 levels within the limit are 400 http.json_too_deep", async () => {
    const before = await tableCounts();
    const huge = await post("/api/declarations", "[".repeat(100_000) + "]".repeat(100_000));
    expect([huge.status, huge.code]).toEqual([413, "http.payload_too_large"]);
    for (const path of BODY_ROUTES) {
      const deep = await post(path, "[".repeat(30_000) + "]".repeat(30_000));
      expect([path, deep.status, deep.code]).toEqual([path, 400, "http.json_too_deep"]);
      // Deep inside an otherwise valid declaration, where a schema would meet it first.
      const inside = JSON.stringify(declarationBody()).replace('"declaration":{', `"declaration":{"notes":${"[".repeat(20_000)}${"]".repeat(20_000)},`);
      const nested = await post(path, inside);
      expect([path, nested.status, nested.code]).toEqual([path, 400, "http.json_too_deep"]);
    }
    // Only JSON.parse could complain about the unclosed ones: the depth is refused first.
    expect((await post("/api/declarations", "{".repeat(40_000))).status).toBe(400);
    // A signed webhook whose body nests 60,000 levels (within its 128 kB): refused or acknowledged, never 5xx.
    const deepHook = signedWebhook({ userId: "7000000000000000400", raw: (json) => Buffer.from(json.replace('"message":{', `"message":{"deep":${"[".repeat(60_000)}${"]".repeat(60_000)},`)) });
    const hook = await post("/webhooks/zalo", deepHook.body, deepHook.headers);
    expect([200, 400]).toContain(hook.status);
    expect(await webhookRows("7000000000000000400")).toBe(hook.status === 200 ? 1 : 0);
    // Acknowledged: an event with a field we do not read, handled like any other.
    // The server's own inbox worker may hold it already: wait for whichever worker handles it.
    await vi.waitFor(async () => {
      await t.server.zalo.inboxWorker.drainUntilIdle();
      // The citizen's event only: the echo of the bot's answer is stored for the same user.
      const states = await t.server.db.all<{ state: string }>("SELECT state FROM zalo_inbox WHERE user_id = $1 AND event_name = 'user_send_text'", ["7000000000000000400"]);
      expect(states.map((s) => s.state)).toEqual(hook.status === 200 ? ["done"] : []);
    }, 10_000);
    expect(await tableCounts()).toEqual(before);
    await stillServing();
  });

  it("when arrays and strings are huge but within the limit, then 400 with the field named, and nothing is stored", async () => {
    const before = await tableCounts();
    const body = declarationBody();
    const bigArray = { ...body, declaration: { ...body.declaration, residence: { ...body.declaration.residence, street: Array.from({ length: 10_000 }, (_, i) => i) } } };
    const bigString = { ...body, declaration: { ...body.declaration, residence: { ...body.declaration.residence, street: "Đ".repeat(25_000) } } };
    for (const value of [bigArray, bigString]) {
      const res = await post("/api/declarations", JSON.stringify(value));
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text).error.fields.map((f: { path: string }) => f.path)).toContain("declaration.residence.street");
    }
    const lookup = await post("/api/vaccination/lookup", JSON.stringify({ idNumber: "0".repeat(60_000), fullName: "An", dateOfBirth: "1990-01-01" }));
    expect(lookup.status).toBe(400);
    const login = await post("/api/staff/login", JSON.stringify({ username: "a".repeat(30_000), password: "b".repeat(30_000) }));
    expect(login.status).toBe(400);
    expect(await tableCounts()).toEqual(before);
  });

  it("when a key is given twice, then 400 http.json_duplicate_key, also when escapes spell the same key", async () => {
    const before = await tableCounts();
    const valid = JSON.stringify(declarationBody());
    // The first idempotency key is garbage, the last valid: JSON.parse alone would accept it.
    const twice = valid.replace("{", '{"idempotencyKey":"not-a-key",');
    const escaped = valid.replace("{", '{"idempotency\\u004bey":"not-a-key",');
    const nested = valid.replace('"identity":{', '"identity":{"idNumber":"079090000001",');
    for (const body of [twice, escaped, nested]) {
      const res = await post("/api/declarations", body, { "x-zalo-access-token": `dev:dup-${Math.random().toString(36).slice(2)}` });
      expect([res.status, res.code]).toEqual([400, "http.json_duplicate_key"]);
    }
    const consent = await post("/api/me/consents", `{"scope":"phone","scope":"profile","version":"${currentConsentText("phone").version}"}`);
    expect([consent.status, consent.code]).toEqual([400, "http.json_duplicate_key"]);
    // The same key in two different objects is not a duplicate.
    expect((await post("/api/declarations", valid, { "x-zalo-access-token": "dev:dup-ok" })).status).toBe(201);
    expect(await tableCounts()).toEqual({ ...before, declarations: (before.declarations ?? 0) + 1, declaration_outbox: (before.declaration_outbox ?? 0) + 1, privacy_consents: (before.privacy_consents ?? 0) + 1 });
  });

  it("when keys reach for prototypes, then 400 http.json_forbidden_key and Object.prototype is untouched", async () => {
    const valid = JSON.stringify(declarationBody());
    const attempts = [
      valid.replace("{", '{"__proto__":{"polluted":"yes"},'),
      valid.replace('"identity":{', '"identity":{"__proto__":{"polluted":"yes"},'),
      valid.replace("{", '{"constructor":{"prototype":{"polluted":"yes"}},'),
      valid.replace("{", '{"\\u005f_proto__":{"polluted":"yes"},'),
      '[{"__proto__":{"polluted":"yes"}}]',
    ];
    for (const path of BODY_ROUTES) {
      for (const body of attempts) {
        const res = await post(path, body, { "x-zalo-access-token": `dev:proto-${Math.random().toString(36).slice(2)}` });
        expect([path, res.status, res.code]).toEqual([path, 400, "http.json_forbidden_key"]);
      }
    }
    // The webhook takes Zalo's bytes as they are; whatever it answers, nothing is polluted.
    const hook = signedWebhook({ raw: (json) => Buffer.from(json.replace('"message":{', '"__proto__":{"polluted":"yes"},"message":{"constructor":{"prototype":{"polluted":"yes"}},')) });
    expect((await post("/webhooks/zalo", hook.body, hook.headers)).status).toBeLessThan(500);
    await t.server.zalo.inboxWorker.drainUntilIdle();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
    await stillServing();
  });

  it("when a body holds \\u0000 or the URL %00, then 400 http.nul_char on every route (PostgreSQL text cannot hold it)", async () => {
    const before = await tableCounts();
    const valid = JSON.stringify(declarationBody());
    for (const path of BODY_ROUTES) {
      const res = await post(path, valid.replace("Phố", "Ph\\u0000ố"), { "x-zalo-access-token": `dev:nul-${Math.random().toString(36).slice(2)}` });
      expect([path, res.status, res.code]).toEqual([path, 400, "http.nul_char"]);
    }
    const inUrl = await fetch(`${t.baseUrl}/api/receipts/%00`);
    expect([inUrl.status, errorBodySchema.parse(await inUrl.json()).error.code]).toEqual([400, "http.nul_char"]);
    expect(await tableCounts()).toEqual(before);
  });

  it("when a JSON body is not UTF-8, then 400 http.json_not_utf8 on every route, and a non-UTF-8 charset is 415", async () => {
    const before = await tableCounts();
    const valid = Buffer.from(JSON.stringify(declarationBody()), "utf8");
    const at = valid.indexOf("Phố");
    // A lone continuation byte, an overlong encoding of '/', a truncated sequence: in a string, where JSON.parse would take them as U+FFFD.
    const broken = [Buffer.from([0x80]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xe1, 0xbb])].map((bad) => Buffer.concat([valid.subarray(0, at), bad, valid.subarray(at)]));
    for (const path of BODY_ROUTES) {
      for (const body of broken) {
        const res = await post(path, body, { "x-zalo-access-token": `dev:utf-${Math.random().toString(36).slice(2)}` });
        expect([path, res.status, res.code]).toEqual([path, 400, "http.json_not_utf8"]);
      }
    }
    const latin1 = await post("/api/declarations", Buffer.from(JSON.stringify(declarationBody()), "utf16le"), { "content-type": "application/json; charset=utf-16le" });
    expect([latin1.status, latin1.code]).toEqual([415, "http.unsupported_media_type"]);
    // The webhook: signed over the broken bytes, so only the encoding is wrong. 400 (or 401), never 5xx.
    for (const bad of [Buffer.from([0xff]), Buffer.from([0xed, 0xa0, 0x80])]) {
      const hook = signedWebhook({ userId: "7000000000000000008", raw: (json) => Buffer.concat([Buffer.from(json.slice(0, json.indexOf("xin"))), bad, Buffer.from(json.slice(json.indexOf("xin")))]) });
      const res = await post("/webhooks/zalo", hook.body, hook.headers);
      expect([res.status, res.code]).toEqual([400, "zalo.webhook_payload_invalid"]);
    }
    const unsigned = await post("/webhooks/zalo", Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(unsigned.status).toBe(401);
    expect(await webhookRows("7000000000000000008")).toBe(0);
    expect(await tableCounts()).toEqual(before);
    await stillServing();
  });
});
