import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentConsentText } from "@khaibao/shared";
import { startTestServer, type TestServer } from "../support/server";
import { declarationBody, freshDeclaration, signedWebhook } from "./support";

/**
 * PostgreSQL text cannot hold U+0000: a query carrying it fails, and before the fix a NUL in a
 * staff login, a checkpoint name, a canned answer or a search answered 500 (the login one to
 * anyone). Now it is a 400 wherever it comes in, bodies and URLs; chat text keeps working (the
 * conversation store drops the NUL). Runs on the PostgreSQL of TEST_DATABASE_URL, in a schema of
 * its own.
 */
const base = process.env.TEST_DATABASE_URL;
const ADMIN = { username: "admin", password: "postgres-nul-admin-password" };

describe.skipIf(!base)("NUL characters on PostgreSQL", { timeout: 60_000 }, () => {
  const schema = `hostile_${randomBytes(6).toString("hex")}`;
  let t: TestServer;
  let cookie = "";
  let csrf = "";

  beforeAll(async () => {
    const admin = new pg.Client(base);
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(base as string);
    url.searchParams.set("options", `-c search_path=${schema}`);
    t = await startTestServer({ DATABASE_URL: url.toString(), STAFF_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}`, RETENTION_INTERVAL_MINUTES: "0" });
    const login = await fetch(`${t.baseUrl}/api/staff/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
    expect(login.status).toBe(200);
    cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    const admin = new pg.Client(base);
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrf, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, code: (JSON.parse(text || "{}") as { error?: { code: string } }).error?.code };
  };

  it("when a JSON body carries \\u0000 (staff login, checkpoint, canned answer, consent, declaration), then 400 http.nul_char, never 500", async () => {
    const d = freshDeclaration();
    const attempts: [string, unknown, Record<string, string>?][] = [
      ["/api/staff/login", { username: "ad\u0000min", password: "x\u0000yyyyyyyyyyyy" }],
      ["/api/staff/checkpoints", { id: "HN-NUL", name: "Chốt\u0000", provinceCode: "01", wardCode: null, direction: "both" }],
      ["/api/staff/inbox/canned", { shortcut: "nul", title: "a\u0000b", body: "x\u0000y" }],
      ["/api/me/consents", { scope: "phone", version: `${currentConsentText("phone").version}\u0000` }, { "x-zalo-access-token": "dev:nul-1" }],
      ["/api/declarations", declarationBody({ residence: { ...d.residence, street: "Phố\u0000Huế" } }), { "x-zalo-access-token": "dev:nul-2" }],
    ];
    for (const [path, body, headers] of attempts) {
      expect([path, await send("POST", path, body, headers)]).toEqual([path, { status: 400, code: "http.nul_char" }]);
    }
  });

  it("when a path or query carries %00 (searches, ids), then 400 http.nul_char, never 500", async () => {
    for (const path of ["/api/staff/inbox/canned?q=%00", "/api/staff/inbox/conversations?q=a%00", "/api/staff/audit?actor=%00", "/api/staff/inbox/conversations/1%00/contact", "/api/receipts/%00"]) {
      expect([path, await send("GET", path)]).toEqual([path, { status: 400, code: "http.nul_char" }]);
    }
  });

  it("when a citizen's chat message holds \\u0000, then it is acknowledged and handled, and a normal declaration still goes through", async () => {
    const hook = signedWebhook({ userId: "7000000000000000900", text: "xin\u0000chào" });
    const res = await fetch(`${t.baseUrl}/webhooks/zalo`, { method: "POST", headers: hook.headers, body: new Uint8Array(hook.body) });
    expect(res.status).toBe(200);
    // The running worker takes it (it may hold the lease while the test looks): wait for the outcome.
    const states = async () => (await t.server.db.all<{ state: string }>("SELECT state FROM zalo_inbox WHERE user_id = $1 AND event_name = 'user_send_text'", ["7000000000000000900"])).map((r) => r.state);
    // Only the citizen's message: the echo of the bot's reply is stored for the same user too.
    // Generous: under the full suite on 2 cores the worker may be busy for a while.
    await expect.poll(states, { timeout: 45_000 }).toEqual(["done"]);
    expect((await send("POST", "/api/declarations", declarationBody(), { "x-zalo-access-token": "dev:nul-3" })).status).toBe(201);
  });
});
