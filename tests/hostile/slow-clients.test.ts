import { request as httpRequest, type IncomingMessage } from "node:http";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { declarationBody, rawExchange, signedWebhook } from "./support";

/**
 * Slow clients (slowloris): headers dribbled a byte at a time, a body that never completes.
 * With the limits set small here, the server answers 408 and closes such connections by itself,
 * while other clients, and the console's endless event stream, carry on.
 */
const HEADERS_MS = 1_000;
const REQUEST_MS = 1_500;
const ADMIN = { username: "admin", password: "slow-clients-admin-password" };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
    STAFF_BOOTSTRAP_ADMIN: `${ADMIN.username}:${ADMIN.password}`,
    RETENTION_INTERVAL_MINUTES: "0",
  });
});
afterAll(() => t.stop());

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Writes `text` one byte every `gapMs` until the socket is closed. */
async function dribble(socket: Socket, text: string, gapMs: number) {
  for (const ch of text) {
    if (socket.destroyed) return;
    socket.write(ch);
    await sleep(gapMs);
  }
}

async function declare(): Promise<number> {
  const res = await fetch(`${t.baseUrl}/api/declarations`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-zalo-access-token": `dev:slow-${Math.random().toString(36).slice(2)}` },
    body: JSON.stringify(declarationBody()),
  });
  await res.arrayBuffer();
  return res.status;
}

describe("slow clients", { timeout: 15_000 }, () => {
  it("when headers arrive a byte at a time, then the server answers 408 and closes, while another connection is served", async () => {
    // ~600 bytes at one every 50 ms would take 30 s: far past the headers limit.
    const headers = `POST /api/declarations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${"X-Padding: slowloris\r\n".repeat(25)}\r\n`;
    const slow = rawExchange(t.baseUrl, (socket) => dribble(socket, headers, 50), 12_000);
    // Served meanwhile, on its own connection.
    expect(await declare()).toBe(201);
    const answer = await slow;
    expect(answer.closedByServer).toBe(true);
    expect(answer.status === 408 || answer.status === undefined).toBe(true);
  });

  it("when a connection sends nothing at all, then it is closed too", async () => {
    const idle = await rawExchange(t.baseUrl, () => {}, 12_000);
    expect(idle.closedByServer).toBe(true);
  });

  it("when a body never completes, on the API or the webhook, then 408 and the connection is closed; nothing is stored", async () => {
    const before = Number((await t.server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declarations"))?.n);
    const body = Buffer.from(JSON.stringify(declarationBody()));
    const api = rawExchange(t.baseUrl, async (socket) => {
      socket.write(`POST /api/declarations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Zalo-Access-Token: dev:slow-body\r\nContent-Length: ${body.length}\r\n\r\n`);
      // All but the last byte, then silence: the parser waits for the rest.
      socket.write(body.subarray(0, -1));
    });
    const hook = signedWebhook({ userId: "7000000000000000408" });
    const webhook = rawExchange(t.baseUrl, async (socket) => {
      socket.write(`POST /webhooks/zalo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-ZEvent-Signature: ${hook.headers["x-zevent-signature"]}\r\nContent-Length: ${hook.body.length}\r\n\r\n`);
      await dribble(socket, hook.body.toString("latin1"), 200);
    });
    expect(await declare()).toBe(201);
    for (const answer of await Promise.all([api, webhook])) {
      expect(answer.closedByServer).toBe(true);
      expect(answer.status).toBe(408);
    }
    expect(Number((await t.server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declarations"))?.n)).toBe(before + 1);
    expect((await t.server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM zalo_inbox WHERE user_id = $1", ["7000000000000000408"]))?.n).toBe(0);
  });

  it("when a keep-alive connection idles longer than the headers limit between requests, then its next request is still served", async () => {
    const { hostname, port } = new URL(t.baseUrl);
    const socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    let received = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (received += chunk));
    // Status lines: the second follows the first answer's body directly, not on a line of its own.
    const answers = () => received.match(/HTTP\/1\.1 \d{3}/g) ?? [];
    const get = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
    await new Promise<void>((resolve) => socket.on("connect", resolve));
    socket.write(get);
    await expect.poll(() => answers().length).toBe(1);
    // Another connection that never sends its headers is closed: the headers limit has passed for the idle one too.
    expect((await rawExchange(t.baseUrl, () => {}, 12_000)).closedByServer).toBe(true);
    socket.write(get);
    await expect.poll(() => answers().length).toBe(2);
    expect(answers()).toEqual(["HTTP/1.1 200", "HTTP/1.1 200"]);
    socket.destroy();
  });

  it("when the console's event stream stays open past the request limit, then it is not cut and still delivers events", async () => {
    const login = await fetch(`${t.baseUrl}/api/staff/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const { hostname, port } = new URL(t.baseUrl);
    const stream = await new Promise<IncomingMessage>((resolve, reject) => {
      httpRequest({ host: hostname, port, path: "/api/staff/events", headers: { accept: "text/event-stream", cookie } }, resolve).on("error", reject).end();
    });
    expect(stream.statusCode).toBe(200);
    let received = "";
    let closed = false;
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => (received += chunk));
    stream.on("close", () => (closed = true));
    // A slow client opened after the stream is closed by the server only once the request limit
    // has passed for it, and so for the stream too (no clock is read: the server's own timer is).
    // Its headers are complete, its body never comes: only the whole-request limit ends it.
    const slow = await rawExchange(t.baseUrl, (socket) => void socket.write("POST /api/me/consents HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{"), 12_000);
    expect([slow.closedByServer, slow.status]).toEqual([true, 408]);
    expect(closed).toBe(false);
    // A citizen writes: the console hears of it on the same, long-lived stream.
    const hook = signedWebhook({ userId: "7000000000000000555", text: "cần hỗ trợ" });
    const res = await fetch(`${t.baseUrl}/webhooks/zalo`, { method: "POST", headers: hook.headers, body: new Uint8Array(hook.body) });
    expect(res.status).toBe(200);
    await t.server.zalo.inboxWorker.drainUntilIdle();
    await expect.poll(() => received, { timeout: 10_000 }).toContain("7000000000000000555");
    expect(closed).toBe(false);
    stream.destroy();
  });
});
