import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import express from "express";
import { SAMPLE_ZALO_IDS } from "@khaibao/shared";
import { listenStandin, type RunningStandin } from "../../standins/listen";
import { startZaloOaStandin, type ZaloOaStandin } from "../../standins/zalo-oa";
import { createHttpOaApi, type AccessTokenSource, type OaApi } from "./client";
import { ZaloOaError } from "./errors";
import type { OaRateLimiter } from "./rate-limit";
import { TEST_IDENTITY } from "./testing";

const USER = SAMPLE_ZALO_IDS.userId;

async function failure(p: Promise<unknown>): Promise<ZaloOaError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZaloOaError);
  return error as ZaloOaError;
}

/** Hands out stand-in tokens and counts refreshes, like the token manager would. */
function tokensFrom(standin: ZaloOaStandin) {
  let current = standin.state.issuePair().accessToken;
  const log = { refreshes: 0 };
  const source: AccessTokenSource = {
    accessToken: async () => current,
    refreshAfterRejection: async (rejected) => {
      if (rejected === current) {
        log.refreshes++;
        current = standin.state.issuePair().accessToken;
      }
      return current;
    },
  };
  return { source, log };
}

function countingLimiter() {
  const calls = { take: 0, limited: 0, ok: 0 };
  const limiter: OaRateLimiter = {
    take: async () => void calls.take++,
    rateLimited: () => (calls.limited++, 0),
    succeeded: () => void calls.ok++,
  };
  return { limiter, calls };
}

describe("OA API client against the stand-in (real HTTP)", () => {
  let standin: ZaloOaStandin;
  beforeAll(async () => {
    standin = await startZaloOaStandin({ appId: TEST_IDENTITY.appId, appSecret: TEST_IDENTITY.appSecret, oaId: TEST_IDENTITY.oaId, oaSecretKey: TEST_IDENTITY.oaSecretKey });
  });
  afterAll(() => standin.stop());
  beforeEach(() => standin.state.reset());

  const client = (source: AccessTokenSource, limiter?: OaRateLimiter): OaApi => createHttpOaApi({ baseUrl: standin.url, tokens: source, ...(limiter ? { limiter } : {}), timeoutMs: 2_000 });
  const sent = () => standin.state.messages;

  it("sends a text as v3 customer-service message with the access_token header and a string user id", async () => {
    const { source } = tokensFrom(standin);
    const [result] = await client(source).sendText(USER, "Chào bạn");
    expect(result).toEqual({ messageId: sent()[0]?.messageId, userId: USER });
    expect(JSON.parse(sent()[0]?.rawBody ?? "")).toEqual({ recipient: { user_id: USER }, message: { text: "Chào bạn" } });
  });

  it("splits a text over 2,000 characters into messages sent in order, quoting only the first", async () => {
    const { source } = tokensFrom(standin);
    const text = Array.from({ length: 60 }, (_, i) => `Đoạn ${i}: ${"nội dung hướng dẫn ".repeat(6).trimEnd()}`).join("\n");
    const results = await client(source).sendText(USER, text, { quoteMessageId: "q1" });
    expect(results.length).toBe(sent().length);
    expect(sent().length).toBeGreaterThan(2);
    expect(sent().map((m) => (m.message.text as string).length).every((n) => n <= 2000)).toBe(true);
    expect(sent().map((m) => m.message.text).join("\n")).toBe(text);
    expect(sent().map((m) => m.message.quote_message_id)).toEqual(["q1", ...Array(sent().length - 1).fill(undefined)]);
  });

  it("sends buttons: open URL (the mini app), query show / hide, phone", async () => {
    const { source } = tokensFrom(standin);
    await client(source).sendButtons(USER, "Chọn một mục", [
      { type: "open_url", title: "Khai báo", url: "https://zalo.me/s/1234567890123456789/?checkpoint=HN-PHAPVAN" },
      { type: "query", title: "Hỏi đáp", payload: "#menu:faq" },
      { type: "query", title: "Xong", payload: "#done", hide: true },
      { type: "phone", title: "Gọi tổng đài", phone: "1900123456" },
    ]);
    expect(sent()[0]?.message).toEqual({
      text: "Chọn một mục",
      attachment: {
        type: "template",
        payload: {
          buttons: [
            { title: "Khai báo", type: "oa.open.url", payload: { url: "https://zalo.me/s/1234567890123456789/?checkpoint=HN-PHAPVAN" } },
            { title: "Hỏi đáp", type: "oa.query.show", payload: "#menu:faq" },
            { title: "Xong", type: "oa.query.hide", payload: "#done" },
            { title: "Gọi tổng đài", type: "oa.open.phone", payload: { phone_code: "1900123456" } },
          ],
        },
      },
    });
  });

  it("uploads a PNG, then sends it as a media template by attachment id", async () => {
    const { source } = tokensFrom(standin);
    const api = client(source);
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const attachmentId = await api.uploadImage(png, "qr.png");
    expect(standin.state.uploads.map((u) => u.attachmentId)).toEqual([attachmentId]);
    await api.sendImage(USER, { attachmentId }, "Mã QR của bạn");
    expect(sent()[0]?.message).toEqual({
      text: "Mã QR của bạn",
      attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: attachmentId }] } },
    });
  });

  it("asks for the user's info with the request_user_info template", async () => {
    const { source } = tokensFrom(standin);
    await client(source).requestUserInfo(USER, { title: "Chia sẻ thông tin", subtitle: "Để cán bộ liên hệ", imageUrl: "https://example.vn/banner.png" });
    expect(sent()[0]?.message).toEqual({
      attachment: {
        type: "template",
        payload: { template_type: "request_user_info", elements: [{ title: "Chia sẻ thông tin", subtitle: "Để cán bộ liên hệ", image_url: "https://example.vn/banner.png" }] },
      },
    });
  });

  it("when the token is rejected (-216 / -220), then it refreshes once and retries once", async () => {
    const { source, log } = tokensFrom(standin);
    standin.state.expireAccessTokens();
    await client(source).sendText(USER, "sau khi làm mới");
    expect(log.refreshes).toBe(1);
    expect(sent()).toHaveLength(1);
    standin.state.faults.push({ endpoint: "message", error: -216, times: 2 });
    const e = await failure(client(source).sendText(USER, "vẫn bị từ chối"));
    expect([e.kind, e.zaloCode]).toEqual(["token_invalid", -216]);
    expect(log.refreshes).toBe(2);
  });

  it("maps Zalo's codes to typed errors", async () => {
    const { source } = tokensFrom(standin);
    const { limiter, calls } = countingLimiter();
    const api = client(source, limiter);
    standin.state.faults.push({ endpoint: "message", error: -32, times: 1 });
    expect((await failure(api.sendText(USER, "x"))).kind).toBe("rate_limited");
    expect(calls.limited).toBe(1);
    standin.state.undeliverable.set(USER, -230);
    const e230 = await failure(api.sendText(USER, "x"));
    expect([e230.kind, e230.zaloCode, e230.retryable]).toEqual(["undeliverable", -230, false]);
    standin.state.undeliverable.set(USER, -213);
    expect((await failure(api.sendText(USER, "x"))).zaloCode).toBe(-213);
    standin.state.undeliverable.clear();
    standin.state.faults.push({ endpoint: "message", error: -211, times: 1 }, { endpoint: "message", error: -242, times: 1 }, { endpoint: "message", error: -999, times: 1 });
    expect((await failure(api.sendText(USER, "x"))).kind).toBe("quota_exceeded");
    expect((await failure(api.sendText(USER, "x"))).kind).toBe("misconfigured");
    const unknown = await failure(api.sendText(USER, "x"));
    expect([unknown.kind, unknown.retryable]).toEqual(["invalid_request", false]);
    expect(calls.take).toBe(6);
  });
});

describe("OA API client against a misbehaving Zalo", () => {
  let fake: RunningStandin;
  let answer: (res: express.Response) => void = (res) => res.json({});
  beforeAll(async () => {
    const app = express();
    app.post(/.*/, (_req, res) => answer(res));
    fake = await listenStandin(app);
  });
  afterAll(() => fake.stop());
  const source: AccessTokenSource = { accessToken: async () => "t", refreshAfterRejection: async () => "t2" };
  const api = () => createHttpOaApi({ baseUrl: fake.url, tokens: source, timeoutMs: 300 });

  it("when Zalo answers 5xx, HTML, no error field, or too late, then unavailable (retryable)", async () => {
    for (const a of [
      (res: express.Response) => res.status(502).send("Bad gateway"),
      (res: express.Response) => res.type("html").send("<html>bảo trì</html>"),
      (res: express.Response) => res.json({ data: { message_id: "x" } }),
      (res: express.Response) => setTimeout(() => res.json({ error: 0 }), 1_000),
    ]) {
      answer = a;
      const e = await failure(api().sendText(USER, "x"));
      expect([e.kind, e.retryable]).toEqual(["unavailable", true]);
    }
  });

  it("when a success carries an unquoted 64-bit message id, then it is kept exact", async () => {
    answer = (res) => res.type("json").send(`{"error":0,"message":"Success","data":{"message_id":12345678901234567890,"user_id":${USER}}}`);
    const [sent] = await api().sendText(USER, "x");
    expect(sent).toEqual({ messageId: "12345678901234567890", userId: USER });
  });
});
