import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleDeclaration } from "../../shared/src/testing/fixtures";
import { loadConfig } from "../../bot-server/src/config";
import { createLogger } from "../../bot-server/src/observability/logger";
import { startServer, type RunningServer } from "../../bot-server/src/server";

/**
 * The server runs `POST /api/declarations` before Express's router (http/direct-routes.ts,
 * `expressChain`) and keeps the route in Express for the rest (a query string). The same
 * submission gets the same answer, headers included, either way.
 */
const ORIGIN = "https://mini-app.example";
const dir = mkdtempSync(path.join(tmpdir(), "khaibao-declarations-direct-"));
let server: RunningServer;
beforeAll(async () => {
  const env = loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", SQLITE_PATH: path.join(dir, "khaibao.sqlite"), LOG_LEVEL: "silent", INSTANCE_ROLE: "web", CORS_ORIGINS: ORIGIN });
  server = await startServer({ env, logger: createLogger({ level: "silent" }) });
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const HEADERS_COMPARED = ["content-type", "cache-control", "content-security-policy", "x-content-type-options", "access-control-allow-origin", "vary", "strict-transport-security", "x-frame-options"];

async function post(pathAndQuery: string, body: string, headers: Record<string, string>) {
  const res = await fetch(`${server.url}${pathAndQuery}`, { method: "POST", headers: { origin: ORIGIN, ...headers }, body });
  const text = await res.text();
  return {
    status: res.status,
    headers: Object.fromEntries(HEADERS_COMPARED.map((h) => [h, res.headers.get(h)])),
    requestId: res.headers.get("x-request-id"),
    json: (() => {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch {
        return text;
      }
    })(),
  };
}

/** The answer without what differs by design: request ids, receipt codes and ids, times. */
function comparable(answer: Awaited<ReturnType<typeof post>>) {
  const json = JSON.parse(JSON.stringify(answer.json).replace(/"requestId":"[^"]*"/g, '"requestId":"…"')) as Record<string, unknown>;
  if (json.receipt && typeof json.receipt === "object") {
    const r = json.receipt as Record<string, unknown>;
    json.receipt = { status: r.status, checkpointId: r.checkpointId, holderNameMasked: r.holderNameMasked, holderIdMasked: r.holderIdMasked };
  }
  return { status: answer.status, headers: answer.headers, json };
}

const token = (who: string) => ({ "content-type": "application/json", "x-zalo-access-token": `dev:direct-${who}` });
const submission = (edit: (d: Record<string, unknown>) => void = () => {}) => {
  const declaration = sampleDeclaration() as unknown as Record<string, unknown>;
  edit(declaration);
  return JSON.stringify({ idempotencyKey: randomUUID(), declaration });
};

const cases: Array<[string, () => { body: string; headers: Record<string, string> }]> = [
  ["a valid declaration", () => ({ body: submission(), headers: token(randomUUID()) })],
  ["no token", () => ({ body: submission(), headers: { "content-type": "application/json" } })],
  ["a forged token", () => ({ body: submission(), headers: { "content-type": "application/json", "x-zalo-access-token": "forged" } })],
  ["an invalid field, in English", () => ({ body: submission((d) => ((d.identity as Record<string, unknown>).idNumber = "12")), headers: { ...token("en"), "accept-language": "en" } })],
  ["not JSON", () => ({ body: "{nope", headers: token("bad-json") })],
  ["a key given twice", () => ({ body: '{"idempotencyKey":"a","idempotencyKey":"b"}', headers: token("dup") })],
  ["a body over the limit", () => ({ body: JSON.stringify({ pad: "x".repeat(70_000) }), headers: token("big") })],
  ["text instead of JSON", () => ({ body: submission(), headers: { ...token("text"), "content-type": "text/plain" } })],
];

describe("POST /api/declarations before Express's router and through it", () => {
  it.each(cases)("%s: the same answer both ways", async (_name, make) => {
    const a = make();
    const b = make();
    const direct = await post("/api/declarations", a.body, a.headers);
    const viaExpress = await post("/api/declarations?via=express", b.body, b.headers);
    expect(comparable(direct)).toEqual(comparable(viaExpress));
    expect(direct.requestId).toBeTruthy();
    expect(direct.status).not.toBe(500);
    // The API's common middleware ran: the browser headers and CORS for the mini app's origin.
    expect(direct.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(direct.headers["access-control-allow-origin"]).toBe(ORIGIN);
  });

  it("answers a retry with the same key with the same receipt, whichever way each comes", async () => {
    const body = submission();
    const headers = token("retry");
    const first = await post("/api/declarations", body, headers);
    const again = await post("/api/declarations?via=express", body, headers);
    const third = await post("/api/declarations", body, headers);
    expect([first.status, again.status, third.status]).toEqual([201, 201, 201]);
    const code = (a: typeof first) => ((a.json as { receipt: { code: string } }).receipt.code);
    expect(code(again)).toBe(code(first));
    expect(code(third)).toBe(code(first));
    expect((third.json as { replayed: boolean }).replayed).toBe(true);
    const n = await server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declarations WHERE zalo_user_id = (SELECT zalo_user_id FROM declarations ORDER BY created_at DESC LIMIT 1)");
    expect(n?.n).toBe(1);
  });
});
