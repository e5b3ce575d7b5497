import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startDeclarationBackendStandin, type BackendCounts, type DeclarationBackendStandin } from ".";

const TOKEN = "test-token";
const envelope = (id: string) => ({
  declarationId: id,
  receiptCode: "0123456789",
  checkpointId: "HN-PHAPVAN",
  direction: "into",
  issuedAt: "2026-11-28T08:00:00.000Z",
  expiresAt: "2026-12-01T08:00:00.000Z",
  clientSubmittedAt: null,
  channel: "zalo-mini-app",
  declaration: { identity: { fullName: "Nguyễn Văn An" } },
});

describe("declaration backend stand-in", () => {
  let dir: string;
  let backend: DeclarationBackendStandin;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khaibao-backend-"));
    backend = await startDeclarationBackendStandin({ dbFile: path.join(dir, "backend.sqlite"), token: TOKEN });
  });
  afterEach(async () => {
    await backend.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (id: string, headers: Record<string, string> = {}) =>
    fetch(`${backend.url}/v1/declarations`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}`, "idempotency-key": id, ...headers },
      body: JSON.stringify(envelope(id)),
    });
  const control = (body: unknown) => fetch(`${backend.url}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const counts = async () => (await (await fetch(`${backend.url}/v1/declarations?count`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as BackendCounts;

  it("when a declaration is sent twice with one Idempotency-Key, then 201 then 200 and it is stored once", async () => {
    expect((await post("d-1")).status).toBe(201);
    const again = await post("d-1");
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: "d-1", status: "duplicate" });
    expect(await counts()).toEqual({ count: 1, rejected: 0, distinctDeclarationIds: 1, distinctReceiptCodes: 1, deliveries: 2 });
  });

  it("when the token is wrong or the key missing, then 401 or 400 and nothing is stored", async () => {
    expect((await post("d-1", { authorization: "Bearer nope" })).status).toBe(401);
    const noKey = await fetch(`${backend.url}/v1/declarations`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(envelope("x")) });
    expect(noKey.status).toBe(400);
    expect((await counts()).deliveries).toBe(0);
  });

  it("when told to reject an id, then 422 with a reason, the same on every repeat", async () => {
    await control({ rejectIds: ["d-bad"] });
    for (let i = 0; i < 2; i++) {
      const res = await post("d-bad");
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({ reason: "rejected_by_rule" });
    }
    await control({ reset: true });
    expect((await post("d-bad")).status).toBe(422);
    expect(await counts()).toMatchObject({ count: 0, rejected: 1 });
  });

  it("when failing or down, then 503 or a cut connection, nothing stored; control still answers", async () => {
    await control({ failRate: 1 });
    expect((await post("d-2")).status).toBe(503);
    await control({ failRate: 0, down: true });
    await expect(post("d-2")).rejects.toThrow();
    expect(await (await fetch(`${backend.url}/__control`)).json()).toMatchObject({ down: true });
    await control({ down: false, downUntil: Date.now() + 60_000 });
    await expect(post("d-2")).rejects.toThrow();
    await control({ downUntil: null });
    expect((await post("d-2")).status).toBe(201);
    expect((await counts()).count).toBe(1);
  });

  it("when latency is set, then the declaration is stored before the late answer", async () => {
    await control({ latencyMs: 300 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    await expect(fetch(`${backend.url}/v1/declarations`, { method: "POST", signal: ac.signal, headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}`, "idempotency-key": "d-3" }, body: JSON.stringify(envelope("d-3")) })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect((await counts()).count).toBe(1);
  });

  it("when restarted on the same file, then what it received is still there", async () => {
    await post("d-4");
    await backend.stop();
    backend = await startDeclarationBackendStandin({ dbFile: path.join(dir, "backend.sqlite"), token: TOKEN });
    expect((await post("d-4")).status).toBe(200);
    const one = await (await fetch(`${backend.url}/v1/declarations/d-4`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
    expect(one).toMatchObject({ idempotencyKey: "d-4", deliveries: 2, outcome: "accepted", body: { declarationId: "d-4" } });
  });
});
