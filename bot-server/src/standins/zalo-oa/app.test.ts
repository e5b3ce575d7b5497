import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import express from "express";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createWebhookIngest } from "../../webhook/ingest";
import type { NewInboxEvent } from "../../webhook/inbox/repository";
import { zaloWebhookRouter } from "../../webhook/router";
import { DEV_REFRESH_TOKEN_PREFIX, startZaloOaStandin, type ZaloOaStandin } from "./index";

const ID = { appId: "360846524940903967", appSecret: "s3cret", oaId: "388613280878808645", oaSecretKey: "oa-key" };

const form = (url: string, body: Record<string, string>, secret = ID.appSecret) =>
  fetch(`${url}/v4/oa/access_token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", secret_key: secret }, body: new URLSearchParams(body) }).then(
    (r) => r.json() as Promise<Record<string, unknown>>,
  );

describe("Zalo OA stand-in", () => {
  let standin: ZaloOaStandin;
  beforeAll(async () => {
    standin = await startZaloOaStandin({ ...ID, initialRefreshToken: "first" });
  });
  afterAll(() => standin.stop());
  beforeEach(() => standin.state.reset());

  it("refresh tokens work once; the answer has Zalo's shape (expires_in as a string)", async () => {
    const ok = await form(standin.url, { app_id: ID.appId, grant_type: "refresh_token", refresh_token: "first" });
    expect(ok).toMatchObject({ expires_in: "90000" });
    expect(typeof ok.access_token).toBe("string");
    const again = await form(standin.url, { app_id: ID.appId, grant_type: "refresh_token", refresh_token: "first" });
    expect(again).toMatchObject({ error: -14014, error_name: "Invalid refresh token" });
    expect(standin.state.refreshUses.map((u) => u.ok)).toEqual([true, false]);
  });

  it("refuses a wrong secret_key or app_id, and unknown dev-shaped tokens unless told to accept them", async () => {
    expect(await form(standin.url, { app_id: ID.appId, grant_type: "refresh_token", refresh_token: "x" }, "wrong")).toMatchObject({ error: -14002 });
    expect(await form(standin.url, { app_id: "1", grant_type: "refresh_token", refresh_token: "x" })).toMatchObject({ error: -14001 });
    expect(await form(standin.url, { app_id: ID.appId, grant_type: "refresh_token", refresh_token: `${DEV_REFRESH_TOKEN_PREFIX}abc` })).toMatchObject({ error: -14014 });
  });

  it("answers failures as HTTP 200 with error != 0, on demand", async () => {
    const token = standin.state.issuePair().accessToken;
    const send = () =>
      fetch(`${standin.url}/v3.0/oa/message/cs`, { method: "POST", headers: { access_token: token, "content-type": "application/json" }, body: JSON.stringify({ recipient: { user_id: "1" }, message: { text: "a" } }) });
    standin.state.faults.push({ endpoint: "message", error: -32, times: 1 });
    const limited = await send();
    expect(limited.status).toBe(200);
    expect(await limited.json()).toMatchObject({ error: -32 });
    expect(await (await send()).json()).toMatchObject({ error: 0, data: { user_id: "1" } });
    const noToken = await fetch(`${standin.url}/v3.0/oa/message/cs`, { method: "POST", body: "{}" });
    expect(await noToken.json()).toMatchObject({ error: -216 });
  });

  it("delivers simulated user events to our webhook signed as Zalo signs them", async () => {
    const stored: NewInboxEvent[] = [];
    const ingest = createWebhookIngest({ ...ID, inbox: { insert: async (e) => (stored.push(e), "stored") } });
    const app = express();
    app.use("/webhooks/zalo", zaloWebhookRouter(ingest));
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    try {
      standin.state.webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo`;
      const res = await fetch(`${standin.url}/__deliver`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ event_name: "follow", user_id: "2468458835296197922" }) });
      expect(await res.json()).toMatchObject({ status: 200 });
      expect(stored.map((e) => [e.eventName, e.userId])).toEqual([["follow", "2468458835296197922"]]);
    } finally {
      standin.state.webhookUrl = undefined;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
