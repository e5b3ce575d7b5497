import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentConsentText, deletionRequestResponseSchema, myConsentsResponseSchema, submitDeclarationResponseSchema } from "@khaibao/shared";
import { startTestServer, type TestServer } from "../support/server";
import { declarationBody, freshDeclaration, rawExchange } from "./support";

/**
 * Requests made with someone else's identity, a forged one, or headers built to smuggle one in:
 * a citizen only ever sees and changes their own data.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ RETENTION_INTERVAL_MINUTES: "0" });
});
afterAll(() => t.stop());

const A = "dev:7100000000000000001:An";
const B = "dev:7100000000000000002:Binh";

async function call(method: string, path: string, token: string | undefined, body?: unknown) {
  const res = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token === undefined ? {} : { "x-zalo-access-token": token }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown> & { error?: { code: string } }) : {}, headers: res.headers };
}

const declarationsOf = async (userId: string) => Number((await t.server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declarations WHERE zalo_user_id = $1 AND length(sealed) > 0", [userId]))?.n);

describe("other people's identities", { timeout: 30_000 }, () => {
  it("when B sends A's idempotency key, even with A's very body, then B gets a declaration of their own, never A's receipt", async () => {
    const first = declarationBody();
    const a = submitDeclarationResponseSchema.parse((await call("POST", "/api/declarations", A, first)).body);
    const d = freshDeclaration();
    const own = await call("POST", "/api/declarations", B, { idempotencyKey: first.idempotencyKey, declaration: { ...d, identity: { ...d.identity, fullName: "Trần Thị Bình", idNumber: "001190123457", gender: "female" } } });
    expect(own.status).toBe(201);
    const b = submitDeclarationResponseSchema.parse(own.body);
    expect(b.replayed).toBe(false);
    expect(b.receipt.code).not.toBe(a.receipt.code);
    expect(b.receipt.holderName).toBe("TRAN T** B*");
    // Someone else replaying A's whole request (key and body): their own declaration too.
    const copy = submitDeclarationResponseSchema.parse((await call("POST", "/api/declarations", "dev:7100000000000000004", first)).body);
    expect(copy.replayed).toBe(false);
    expect(copy.receipt.code).not.toBe(a.receipt.code);
    // A's own retry still answers A's receipt.
    expect(submitDeclarationResponseSchema.parse((await call("POST", "/api/declarations", A, first)).body).receipt.code).toBe(a.receipt.code);
  });

  it("when B reads or changes consents, then only B's are seen and changed", async () => {
    expect((await call("POST", "/api/me/consents", A, { scope: "phone", version: currentConsentText("phone").version })).status).toBe(201);
    const seenByB = myConsentsResponseSchema.parse((await call("GET", "/api/me/consents", B)).body);
    expect(seenByB.consents.some((c) => c.scope === "phone")).toBe(false);
    expect(seenByB.active.phone).toBe(false);
    // B withdrawing "phone" finds nothing of B's to withdraw; A's consent stays.
    expect((await call("POST", "/api/me/consents/phone/withdraw", B, {})).status).toBe(404);
    expect(myConsentsResponseSchema.parse((await call("GET", "/api/me/consents", A)).body).active.phone).toBe(true);
    // The phone of A is read with A's consent only: B is refused.
    expect((await call("POST", "/api/me/phone", B, { token: "devphone:0912345678" })).body.error?.code).toBe("consent.required");
    expect((await call("GET", "/api/me", B)).body).toEqual({ user: { id: "7100000000000000002", name: null } });
  });

  it("when B asks for deletion, then only B's declarations go, and B never sees A's request", async () => {
    const C = "dev:7100000000000000003";
    expect((await call("POST", "/api/declarations", C, declarationBody())).status).toBe(201);
    const aBefore = await declarationsOf("7100000000000000001");
    expect(aBefore).toBeGreaterThan(0);
    const asked = await call("POST", "/api/me/deletion-requests", C, {});
    expect(asked.status).toBe(201);
    const cRequest = deletionRequestResponseSchema.parse(asked.body).request;
    expect(await declarationsOf("7100000000000000001")).toBe(aBefore);
    expect(deletionRequestResponseSchema.parse((await call("GET", "/api/me/deletion-requests", A)).body).request).toBeNull();
    expect(deletionRequestResponseSchema.parse((await call("GET", "/api/me/deletion-requests", C)).body).request?.id).toBe(cRequest?.id);
  });

  it("when the token is missing, forged, garbage or not ours, then 401 on every citizen route", async () => {
    const routes: [string, string, unknown?][] = [
      ["POST", "/api/declarations", declarationBody()],
      ["GET", "/api/me"],
      ["POST", "/api/me/phone", { token: "devphone:0912345678" }],
      ["GET", "/api/me/consents"],
      ["POST", "/api/me/consents", { scope: "phone", version: currentConsentText("phone").version }],
      ["POST", "/api/me/consents/phone/withdraw", {}],
      ["GET", "/api/me/deletion-requests"],
      ["POST", "/api/me/deletion-requests", {}],
      ["POST", "/api/vaccination/lookup", { idNumber: "001090123456", fullName: "Nguyễn Văn An", dateOfBirth: "1990-05-12" }],
    ];
    const tokens = [
      undefined,
      "",
      "garbage",
      // A Zalo-shaped token our app's Graph does not know (another app's, or made up).
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI3MTAwMDAwMDAwMDAwMDAwMDAxIn0.c2lnbmF0dXJl",
      "dev:../../7100000000000000001",
      "dev:7100000000000000001 OR 1=1",
      "Bearer dev:7100000000000000001",
      `dev:${"9".repeat(5_000)}`,
    ];
    const before = Number((await t.server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declarations"))?.n);
    for (const [method, path, body] of routes) {
      for (const token of tokens) {
        const res = await call(method, path, token, body);
        expect([method, path, token?.slice(0, 40), res.status]).toEqual([method, path, token?.slice(0, 40), 401]);
      }
    }
    expect(Number((await t.server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declarations"))?.n)).toBe(before);
  });

  it("when headers carry CR, LF, NUL or a folded line, then the request is refused before any route runs, and nothing is injected into the answer", async () => {
    const send = (headerLines: string) =>
      rawExchange(t.baseUrl, (socket) => void socket.write(`GET /api/me HTTP/1.1\r\nHost: localhost\r\n${headerLines}\r\nConnection: close\r\n\r\n`));
    for (const line of [
      "X-Zalo-Access-Token: dev:7100000000000000001\rX-Zalo-Access-Token: dev:7100000000000000002",
      "X-Zalo-Access-Token: dev:7100000000000000001\nSet-Cookie: injected=1",
      "X-Zalo-Access-Token: dev:7100000000000000001\u0000",
      "X-Zalo-Access-Token: dev:7100000000000000001\r\n dev:7100000000000000002",
    ]) {
      const answer = await send(line);
      expect(answer.status).toBe(400);
      expect(answer.text).not.toMatch(/injected|7100000000000000001/);
    }
    // Two tokens for two people: neither identity is taken.
    const twice = await send("X-Zalo-Access-Token: dev:7100000000000000001\r\nX-Zalo-Access-Token: dev:7100000000000000002");
    expect(twice.status).toBe(401);
    // A request id carrying a header of its own is not echoed (ids are checked before they are reflected).
    const echoed = await send("X-Request-Id: abc\u00ff; Set-Cookie: injected=1\r\nX-Zalo-Access-Token: dev:7100000000000000001");
    expect(echoed.status).toBe(200);
    expect(echoed.text).not.toMatch(/injected/i);
    const headerBlock = echoed.text.slice(0, echoed.text.indexOf("\r\n\r\n"));
    expect(headerBlock).not.toMatch(/^set-cookie:/im);
    expect(/^x-request-id: ([0-9a-f-]{36})$/im.test(headerBlock)).toBe(true);
  });
});
