import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { submitDeclarationResponseSchema } from "@khaibao/shared";
import { sampleDeclaration } from "../../shared/src/testing/fixtures";
import { loadConfig } from "../../bot-server/src/config";
import { createLogger } from "../../bot-server/src/observability/logger";
import { startServer, type RunningServer } from "../../bot-server/src/server";

/**
 * Key rotation as an operator does it, through DATA_ENCRYPTION_KEY and restarts on one database:
 * the new key id seals new declarations, the old key still opens the old ones (a replay answers,
 * the outbox forwards them), and blind indexes do not change.
 */
const dir = mkdtempSync(path.join(tmpdir(), "khaibao-rotation-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const K1 = randomBytes(32).toString("base64");
const K2 = randomBytes(32).toString("base64");
const TOKEN = "dev:3141592653589793238";

async function start(key: string, role: "web" | "all" = "all"): Promise<RunningServer> {
  const env = loadConfig({
    NODE_ENV: "test", PORT: "0", HOST: "localhost", SQLITE_PATH: path.join(dir, "khaibao.sqlite"), LOG_LEVEL: "silent", DATA_ENCRYPTION_KEY: key, INSTANCE_ROLE: role,
  });
  return startServer({ env, logger: createLogger({ level: "silent" }) });
}

function declare(server: RunningServer, idempotencyKey: string) {
  return fetch(`${server.url}/api/declarations`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-zalo-access-token": TOKEN },
    body: JSON.stringify({ idempotencyKey, declaration: sampleDeclaration() }),
  });
}

/** Waits (no time limit of its own: the test's timeout bounds it) until the backend has every declaration. */
async function forwarded(server: RunningServer): Promise<void> {
  for (;;) {
    const row = await server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM declaration_outbox WHERE state <> 'done'");
    if (Number(row?.n) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("DATA_ENCRYPTION_KEY rotation, end to end", () => {
  it("when a new key is put first and the server restarts, then new data uses it, old data still opens and is forwarded, and indexes stay", async () => {
    const first = randomUUID();
    // A web-only instance: the k1 declaration stays in the outbox for the rotated server to forward.
    const before = await start(K1, "web");
    try {
      expect((await declare(before, first)).status).toBe(201);
    } finally {
      await before.stop();
    }

    const after = await start(`k2:${K2},k1:${K1}`);
    try {
      const second = await declare(after, randomUUID());
      expect(second.status).toBe(201);
      // A replay opens the declaration sealed under k1 (it compares what was declared).
      const replay = await declare(after, first);
      expect(replay.status).toBe(201);
      expect(submitDeclarationResponseSchema.parse(await replay.json()).replayed).toBe(true);
      // The worker forwards both: it opens the k1 seal and the k2 one.
      await forwarded(after);
      const rows = await after.db.all<{ sealed_key_id: string; sealed: Buffer; id_number_index: string }>(
        "SELECT sealed_key_id, sealed, id_number_index FROM declarations ORDER BY created_at",
      );
      expect(rows.map((r) => r.sealed_key_id)).toEqual(["k1", "k2"]);
      expect(rows.map((r) => r.sealed.subarray(2, 4).toString("ascii"))).toEqual(["k1", "k2"]);
      expect(rows[0]?.id_number_index).toBe(rows[1]?.id_number_index);
    } finally {
      await after.stop();
    }
  });
});
