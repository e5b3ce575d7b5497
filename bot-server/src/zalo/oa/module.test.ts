import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createApp } from "../../http/app";
import { createLogger } from "../../observability/logger";
import { createMetrics } from "../../observability/metrics";
import { DEV_ZALO_MINI_APP_ID } from "../../standins/zalo-oa";
import { openTestDatabases } from "../../storage/testing";
import type { Database } from "../../storage";
import { createZaloModule, type ZaloModule, type ZaloModuleEnv } from "./module";

const USER = "2468458835296197922";
const devEnv: ZaloModuleEnv = { NODE_ENV: "development", ZALO_OA_RATE_PER_MINUTE: 3_000 } as ZaloModuleEnv;

/** The module as the composition root will mount it: the real app, listening, workers running. */
async function startDefault(db: Database): Promise<{ module: ZaloModule; server: Server; url: string; stop(): Promise<void> }> {
  const logger = createLogger({ level: "silent" });
  const metrics = createMetrics();
  const module = await createZaloModule({ db, env: devEnv, logger, registry: metrics.registry, tuning: { pollMs: 20 } });
  const app = createApp({ logger, metrics, ping: async () => {}, api: [], other: [["/webhooks/zalo", module.webhookRouter]] });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  module.start({ webhookUrl: `${url}/webhooks/zalo` });
  return {
    module,
    server,
    url,
    async stop() {
      await module.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe.each(openTestDatabases({ migrate: true }))("Zalo module on the default start ($name)", ({ open }) => {
  let db: Database;
  beforeEach(async () => {
    db = await open();
  });
  afterEach(() => db.close());

  it("with no Zalo configuration, then the stand-in plays Zalo: a simulated user is answered, our echo is recognised", async () => {
    const running = await startDefault(db);
    try {
      const standin = running.module.standin;
      expect(standin).toBeDefined();
      const res = await fetch(`${standin?.url}/__deliver`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ event_name: "user_send_text", user_id: USER, text: "Xin chào" }),
      }).then((r) => r.json() as Promise<{ status: number }>);
      expect(res.status).toBe(200);
      const inbox = await until(
        () => db.all<{ event_name: string; state: string }>("SELECT event_name, state FROM zalo_inbox ORDER BY id"),
        (rows) => rows.length === 2 && rows.every((r) => r.state === "done"),
      );
      expect(inbox).toEqual([
        { event_name: "user_send_text", state: "done" },
        { event_name: "oa_send_text", state: "done" },
      ]);
      const sent = standin?.state.messages ?? [];
      expect(sent.map((m) => m.userId)).toEqual([USER]);
      expect(JSON.stringify(sent[0]?.message)).toContain(`https://zalo.me/s/${DEV_ZALO_MINI_APP_ID}/`);
      expect((await running.module.conversations.get(USER))?.owner).toBe("bot");
    } finally {
      await running.stop();
    }
  });

  it("after a restart (a new stand-in that never issued the stored refresh token), then replies still go", async () => {
    const first = await startDefault(db);
    await first.module.tokens.accessToken();
    await first.stop();
    const second = await startDefault(db);
    try {
      await second.module.send(USER, [{ type: "text", text: "Sau khi khởi động lại" }]);
      const sent = await until(
        async () => second.module.standin?.state.messages ?? [],
        (m) => m.length === 1,
      );
      expect(sent.map((m) => m.message.text)).toEqual(["Sau khi khởi động lại"]);
      const row = await until(
        () => db.get<{ state: string }>("SELECT state FROM zalo_outbox"),
        (r) => r?.state === "sent",
      );
      expect(row?.state).toBe("sent");
    } finally {
      await second.stop();
    }
  });

  it("in production, then stand-ins are refused and every Zalo setting is required", async () => {
    const logger = createLogger({ level: "silent" });
    const registry = createMetrics().registry;
    await expect(createZaloModule({ db, env: { ...devEnv, NODE_ENV: "production" }, logger, registry })).rejects.toThrow(/ZALO_APP_ID is required in production/);
    const module = await createZaloModule({
      db,
      env: {
        NODE_ENV: "production",
        ZALO_APP_ID: "1",
        ZALO_APP_SECRET: "s",
        ZALO_OA_ID: "2",
        ZALO_OA_SECRET_KEY: "k",
        ZALO_MINI_APP_ID: "3",
        ZALO_OA_API_URL: undefined,
        ZALO_OAUTH_URL: undefined,
        ZALO_OA_REFRESH_TOKEN: "rt",
        ZALO_OA_RATE_PER_MINUTE: 3_000,
      },
      logger,
      registry,
    });
    expect(module.standin).toBeUndefined();
    await module.stop();
  });
});
