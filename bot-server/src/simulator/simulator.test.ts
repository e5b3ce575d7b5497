import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { startTestServer, type TestServer } from "../../../tests/support/server";
import { createApp } from "../http/app";
import { loadConfig } from "../config";
import { createLogger } from "../observability/logger";
import { createMetrics } from "../observability/metrics";
import type { ConversationRepository } from "../conversations/repository";
import type { ZaloOaStandin } from "../standins/zalo-oa";
import { devChatRoutes } from "./index";
import type { SimMessage } from "./wire";

const PROD = {
  NODE_ENV: "production",
  PUBLIC_BASE_URL: "https://khaibao.example.vn",
  DATABASE_URL: "postgres://u:p@db/khaibao",
  ZALO_APP_ID: "1",
  ZALO_APP_SECRET: "s",
  ZALO_OA_ID: "2",
  ZALO_OA_SECRET_KEY: "k",
  ZALO_MINI_APP_ID: "3",
  DECLARATION_BACKEND_URL: "https://backend.example.vn",
  VACCINATION_REGISTRY_URL: "https://registry.example.vn",
  VACCINATION_TRUST_URL: "https://trust.example.vn/dsc.pem",
  DATA_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
  RECEIPT_SIGNING_KEY: "r1:MC4CAQAwBQYDK2VwBCIEIDZzUcdTzkKNuL6d7YIfCb+Qy3qFCjT2lw8xVqzS7eXy",
};

describe("the dev chat simulator", () => {
  it("is not mounted with the production configuration: /dev/chat is a 404", async () => {
    const env = loadConfig(PROD);
    // Even with a stand-in at hand, production gets no simulator.
    const zalo = { standin: { url: "http://127.0.0.1:9" } as ZaloOaStandin, conversations: {} as ConversationRepository };
    const routes = devChatRoutes({ env, zalo });
    expect(routes).toEqual([]);
    const app = createApp({ logger: createLogger({ level: "silent" }), metrics: createMetrics(), ping: async () => {}, api: [], other: routes });
    expect((await request(app).get("/dev/chat")).status).toBe(404);
    expect((await request(app).post("/dev/chat/api/events").send({ kind: "follow", userId: "1" })).status).toBe(404);
  });

  describe("in development", () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer();
    }, 60_000);
    afterAll(() => t?.stop());

    it("serves the page, its script and style as separate files (no inline script under the CSP)", async () => {
      const page = await fetch(`${t.baseUrl}/dev/chat`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
      const html = await page.text();
      expect(html).toContain('<script src="/dev/chat/chat.js" defer></script>');
      expect(html).not.toMatch(/<script>(?!<\/)/);
      expect((await fetch(`${t.baseUrl}/dev/chat/chat.js`)).headers.get("content-type")).toContain("javascript");
    });

    it("sends a follow signed as Zalo signs it to our own webhook, and shows the OA's answer with the mini app as a local link", async () => {
      const user = "8123456789012345679";
      const sent = await fetch(`${t.baseUrl}/dev/chat/api/events`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "follow", userId: user }) });
      expect(await sent.json()).toEqual({ webhookStatus: 200 });
      let messages: SimMessage[] = [];
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && messages.length === 0) {
        await new Promise((r) => setTimeout(r, 100));
        messages = ((await (await fetch(`${t.baseUrl}/dev/chat/api/messages?user_id=${user}`)).json()) as { messages: SimMessage[] }).messages;
      }
      expect(messages).toHaveLength(1);
      expect(messages[0]?.buttons[0]).toEqual({ title: "Khai báo di chuyển", kind: "link", value: "/app/" });
      expect(messages[0]?.buttons.slice(1).map((b) => b.value)).toEqual(["#menu:vaccine", "#faq:list", "#handoff"]);
      // The id above 2^53 survived the whole way as text.
      expect((await t.server.zalo.conversations.get(user))?.userId).toBe(user);
    });

    it("refuses a user id that is not digits", async () => {
      const res = await fetch(`${t.baseUrl}/dev/chat/api/events`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "text", userId: "1e3", text: "hi" }) });
      expect(res.status).toBe(400);
    });
  });
});
