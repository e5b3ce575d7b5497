import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startDeclarationBackendStandin, type DeclarationBackendStandin } from "../../standins/declaration-backend";
import { BackendUnavailableError, type BackendDeclaration } from "./backend";
import { createHttpDeclarationBackend } from "./http-backend";

const record = (id: string): BackendDeclaration => ({
  declarationId: id,
  receiptCode: "0123456789",
  checkpointId: "HN-PHAPVAN",
  direction: "into",
  issuedAt: "2026-11-28T08:00:00.000Z",
  expiresAt: "2026-12-01T08:00:00.000Z",
  clientSubmittedAt: null,
  channel: "zalo-mini-app",
  declaration: { identity: {} },
});

describe("HTTP declaration backend client against the stand-in", () => {
  let dir: string;
  let backend: DeclarationBackendStandin;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khaibao-backend-client-"));
    backend = await startDeclarationBackendStandin({ dbFile: path.join(dir, "b.sqlite"), token: "t0k" });
  });
  afterAll(async () => {
    await backend.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await fetch(`${backend.url}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ reset: true }) });
  });
  const control = (body: unknown) => fetch(`${backend.url}/__control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const client = (opts: { token?: string; timeoutMs?: number } = {}) => createHttpDeclarationBackend({ baseUrl: backend.url, token: opts.token ?? "t0k", timeoutMs: opts.timeoutMs ?? 2000 });

  it("when the backend stores it, then ok; sent again with the same id, then ok as a duplicate", async () => {
    await expect(client().submit(record("a1"))).resolves.toEqual({ ok: true, duplicate: false });
    await expect(client().submit(record("a1"))).resolves.toEqual({ ok: true, duplicate: true });
  });

  it("when the backend refuses the declaration (422), then rejected with its reason", async () => {
    await control({ rejectIds: ["a2"] });
    await expect(client().submit(record("a2"))).resolves.toEqual({ rejected: "rejected_by_rule" });
  });

  it("when our token is refused (401), then it is a retryable failure, not a rejection", async () => {
    await expect(client({ token: "wrong" }).submit(record("a3"))).rejects.toBeInstanceOf(BackendUnavailableError);
  });

  it("when the backend fails, is down or answers too late, then a retryable failure", async () => {
    await control({ failRate: 1 });
    await expect(client().submit(record("a4"))).rejects.toThrow(/HTTP 503/);
    await control({ failRate: 0, down: true });
    await expect(client().submit(record("a4"))).rejects.toBeInstanceOf(BackendUnavailableError);
    await control({ down: false, latencyMs: 500 });
    await expect(client({ timeoutMs: 100 }).submit(record("a4"))).rejects.toThrow(/ECONNABORTED|ETIMEDOUT/);
  });
});
