import { mkdtempSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleZaloEvent, type ZaloEventName } from "../../shared/src";
import { loadConfig } from "../../bot-server/src/config";
import { createLogger } from "../../bot-server/src/observability/logger";
import { startServer, type RunningServer } from "../../bot-server/src/server";
import { DEV_ZALO_APP_ID, DEV_ZALO_OA_ID, DEV_ZALO_OA_SECRET_KEY } from "../../bot-server/src/standins/zalo-oa/dev";
import { zaloSignatureHeader } from "../../bot-server/src/webhook/signature";

/**
 * The server answers `POST /webhooks/zalo` before Express (http/direct-routes.ts) and keeps the
 * Express route for the rest (a query string, a compressed body). Every kind of delivery gets
 * the same answer both ways, and what is stored is the same.
 */
const dir = mkdtempSync(path.join(tmpdir(), "khaibao-webhook-direct-"));
let server: RunningServer;
beforeAll(async () => {
  const env = loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", SQLITE_PATH: path.join(dir, "khaibao.sqlite"), LOG_LEVEL: "silent", INSTANCE_ROLE: "web" });
  server = await startServer({ env, logger: createLogger({ level: "silent" }) });
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const eventBody = (name: ZaloEventName, edit: (e: Record<string, unknown>) => void = () => {}) => {
  const e = sampleZaloEvent(name, { ids: { appId: DEV_ZALO_APP_ID, oaId: DEV_ZALO_OA_ID }, timestamp: String(Date.now()), msgId: `direct-${n++}-${Math.random()}` }) as Record<string, unknown>;
  edit(e);
  return JSON.stringify(e);
};
const sign = (raw: string | Buffer, timestamp?: string) => {
  const text = raw.toString();
  let ts = timestamp;
  if (ts === undefined) {
    try {
      ts = String((JSON.parse(text) as { timestamp?: unknown }).timestamp ?? "");
    } catch {
      ts = "";
    }
  }
  return zaloSignatureHeader({ appId: DEV_ZALO_APP_ID, rawBody: Buffer.from(raw), timestamp: ts, oaSecretKey: DEV_ZALO_OA_SECRET_KEY });
};

interface Delivery {
  name: string;
  make: () => { body: string | Buffer; headers: Record<string, string> };
}

const json = { "content-type": "application/json" };
const deliveries: Delivery[] = [
  { name: "a signed text message", make: () => { const body = eventBody("user_send_text"); return { body, headers: { ...json, "x-zevent-signature": sign(body) } }; } },
  { name: "a follow, redelivered", make: () => { const body = eventBody("follow"); return { body, headers: { ...json, "x-zevent-signature": sign(body), num_retry: "2" } }; } },
  { name: "an event we do not handle", make: () => { const body = eventBody("user_send_text", (e) => (e.event_name = "user_reacted_message")); return { body, headers: { ...json, "x-zevent-signature": sign(body) } }; } },
  { name: "no signature", make: () => ({ body: eventBody("user_send_text"), headers: json }) },
  { name: "a forged signature", make: () => ({ body: eventBody("user_send_text"), headers: { ...json, "x-zevent-signature": `mac=${"0".repeat(64)}` } }) },
  { name: "a body re-serialised after signing", make: () => { const body = eventBody("user_send_text"); return { body: JSON.stringify(JSON.parse(body), null, 1), headers: { ...json, "x-zevent-signature": sign(body) } }; } },
  { name: "another app's id in the body", make: () => { const body = eventBody("user_send_text", (e) => (e.app_id = "999")); return { body, headers: { ...json, "x-zevent-signature": sign(body) } }; } },
  { name: "not JSON", make: () => { const body = "{not json"; return { body, headers: { ...json, "x-zevent-signature": sign(body, "1") } }; } },
  { name: "bytes that are not UTF-8", make: () => { const body = Buffer.from([0x7b, 0xff, 0x7d]); return { body, headers: { ...json, "x-zevent-signature": sign(body, "") } }; } },
  { name: "a known event of the wrong shape", make: () => { const body = eventBody("user_send_text", (e) => (e.message = 42)); return { body, headers: { ...json, "x-zevent-signature": sign(body), "accept-language": "en" } }; } },
  { name: "a body over the limit", make: () => { const body = `{"pad":"${"x".repeat(200_000)}"}`; return { body, headers: { ...json, "x-zevent-signature": "mac=00" } }; } },
];

async function post(pathAndQuery: string, d: { body: string | Buffer; headers: Record<string, string> }) {
  const res = await fetch(`${server.url}${pathAndQuery}`, { method: "POST", headers: d.headers, body: typeof d.body === "string" ? d.body : new Uint8Array(d.body) });
  const text = await res.text();
  // The request id differs by design; everything else must not.
  const body = text.replace(/"requestId":"[^"]*"/, '"requestId":"…"');
  return { status: res.status, body, type: res.headers.get("content-type"), requestId: res.headers.get("x-request-id") };
}

const inboxCount = async () => Number((await server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM zalo_inbox"))?.n);

describe("the webhook answered before Express and through Express", () => {
  it.each(deliveries.map((d) => [d.name, d] as const))("%s: the same answer both ways", async (_name, d) => {
    const before = await inboxCount();
    const direct = await post("/webhooks/zalo", d.make());
    const viaExpress = await post("/webhooks/zalo?via=express", d.make());
    expect(direct).toMatchObject({ status: viaExpress.status, body: viaExpress.body, type: viaExpress.type });
    expect(direct.requestId).toBeTruthy();
    expect(direct.status).not.toBe(500);
    // A stored event is stored by either way (each delivery above is its own event).
    const stored = (await inboxCount()) - before;
    expect(stored === 0 || stored === 2).toBe(true);
  });

  it("stores each event once, whichever way its redelivery comes", async () => {
    const body = eventBody("user_send_text");
    const d = { body, headers: { ...json, "x-zevent-signature": sign(body) } };
    const before = await inboxCount();
    expect((await post("/webhooks/zalo", d)).status).toBe(200);
    expect((await post("/webhooks/zalo?via=express", d)).status).toBe(200);
    expect((await post("/webhooks/zalo", d)).status).toBe(200);
    expect((await inboxCount()) - before).toBe(1);
  });

  it("takes a gzip-compressed delivery through Express, which inflates it", async () => {
    const body = eventBody("user_send_text");
    const before = await inboxCount();
    const res = await fetch(`${server.url}/webhooks/zalo`, { method: "POST", headers: { ...json, "content-encoding": "gzip", "x-zevent-signature": sign(body) }, body: new Uint8Array(gzipSync(body)) });
    expect(res.status).toBe(200);
    expect((await inboxCount()) - before).toBe(1);
  });

  it("stores the exact text of a delivery taken before Express", async () => {
    const body = eventBody("user_send_text", (e) => ((e.message as Record<string, unknown>).text = "Xin chào, tôi cần khai báo"));
    expect((await post("/webhooks/zalo", { body, headers: { ...json, "x-zevent-signature": sign(body) } })).status).toBe(200);
    const row = await server.db.get<{ raw_body: string }>("SELECT raw_body FROM zalo_inbox ORDER BY id DESC LIMIT 1");
    expect(row?.raw_body).toBe(body);
  });
});
