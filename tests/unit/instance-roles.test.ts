import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleDeclaration } from "../../shared/src/testing/fixtures";
import { loadConfig } from "../../bot-server/src/config";
import { createLogger } from "../../bot-server/src/observability/logger";
import { startServer, type RunningServer } from "../../bot-server/src/server";

/**
 * INSTANCE_ROLE splits one deployment into web instances (HTTP only) and worker instances
 * (background work only) on one database: what a web instance accepts waits in the outbox
 * until a worker forwards it, and a worker serves nothing but health and metrics.
 */
const dir = mkdtempSync(path.join(tmpdir(), "khaibao-roles-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(role: "web" | "worker"): Promise<RunningServer> {
  const env = loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "localhost", SQLITE_PATH: path.join(dir, "khaibao.sqlite"), LOG_LEVEL: "silent", INSTANCE_ROLE: role, OUTBOX_POLL_MS: "100" });
  return startServer({ env, logger: createLogger({ level: "silent" }) });
}

const pendingCount = async (server: RunningServer) => Number((await server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declaration_outbox WHERE state <> 'done'"))?.n);

describe("instance roles", () => {
  it("when a web instance accepts declarations, then only a worker instance forwards them, and the worker serves only health", async () => {
    const web = await start("web");
    try {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${web.url}/api/declarations`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-zalo-access-token": `dev:role-${i}` },
          body: JSON.stringify({ idempotencyKey: randomUUID(), declaration: sampleDeclaration() }),
        });
        expect(res.status).toBe(201);
      }
      // A web instance has no outbox worker: three polls' worth later nothing has moved.
      await new Promise((r) => setTimeout(r, 400));
      expect(await pendingCount(web)).toBe(3);
      expect((await fetch(`${web.url}/webhooks/zalo`, { method: "POST" })).status).toBe(401);
    } finally {
      await web.stop();
    }

    const worker = await start("worker");
    try {
      expect((await fetch(`${worker.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${worker.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${worker.url}/api/checkpoints`)).status).toBe(404);
      expect((await fetch(`${worker.url}/webhooks/zalo`, { method: "POST" })).status).toBe(404);
      while ((await pendingCount(worker)) > 0) await new Promise((r) => setTimeout(r, 50));
      expect(await pendingCount(worker)).toBe(0);
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
