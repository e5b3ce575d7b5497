import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZALO_EVENT_NAMES, errorBodySchema } from "@khaibao/shared";
import { openTestDatabases } from "../storage/testing";
import type { Database } from "../storage";
import { event, manualClock, metricValue, signed, startZaloHarness, TEST_IDENTITY, type ZaloHarness } from "../zalo/oa/testing";

const BIG_USER = "2468458835296197922"; // > 2^53: as a JS number it would read 2468458835296198000

describe.each(openTestDatabases({ migrate: true }))("Zalo webhook ($name)", ({ open }) => {
  let db: Database;
  let h: ZaloHarness;
  const clock = manualClock();
  const start = clock.t;
  beforeEach(async () => {
    clock.t = start;
    db = await open();
    h = await startZaloHarness({ db, now: clock.now });
  });
  afterEach(async () => {
    await h.stop();
    await db.close();
  });

  const inboxRows = () => db.all<{ event_name: string; user_id: string; raw_body: string; state: string; dedupe_key: string }>("SELECT event_name, user_id, raw_body, state, dedupe_key FROM zalo_inbox ORDER BY id");

  it("when Zalo delivers a real-shaped event of every type, then each is stored once and answered 200", async () => {
    for (const [i, name] of ZALO_EVENT_NAMES.entries()) {
      const res = await h.post(event(name, { timestamp: String(1764316800000 + i), msgId: `m${i}abc` }));
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
    }
    const rows = await inboxRows();
    expect(rows.map((r) => r.event_name)).toEqual([...ZALO_EVENT_NAMES]);
    expect(rows.find((r) => r.event_name === "follow")?.user_id).toBe(BIG_USER);
    expect(rows.find((r) => r.event_name === "oa_send_text")?.user_id).toBe(BIG_USER);
    expect(rows.find((r) => r.event_name === "user_seen_message")?.user_id).toBe(BIG_USER);
    expect(rows.find((r) => r.event_name === "add_user_to_tag")?.user_id).toBe("");
    expect(await metricValue(h.registry, "khaibao_zalo_webhook_requests_total", { outcome: "stored" })).toBe(ZALO_EVENT_NAMES.length);
  });

  it("stores the exact bytes Zalo signed (no re-serialisation)", async () => {
    const raw = `{ "app_id": "${TEST_IDENTITY.appId}",\n  "sender": {"id": "${BIG_USER}"}, "recipient": {"id": "${TEST_IDENTITY.oaId}"},\n  "event_name": "user_send_text", "message": {"msg_id": "abc1", "text": "Xin chào 👋"}, "timestamp": "1764316800000" }`;
    expect((await h.post(raw)).status).toBe(200);
    expect((await inboxRows())[0]?.raw_body).toBe(raw);
  });

  it("when the signature is forged, then 401 and the forgery is counted", async () => {
    const body = event("user_send_text");
    const res = await h.post(body, { "X-ZEvent-Signature": `mac=${"0".repeat(64)}` });
    expect(res.status).toBe(401);
    expect(errorBodySchema.parse(res.body).error.code).toBe("zalo.webhook_signature_invalid");
    expect(await inboxRows()).toEqual([]);
    expect(await metricValue(h.registry, "khaibao_zalo_webhook_unauthorized_total", { reason: "mismatch" })).toBe(1);
  });

  it("when the request is unsigned or the header is malformed, then 401", async () => {
    const raw = JSON.stringify(event("user_send_text"));
    const unsigned = await h.post(raw, { "X-ZEvent-Signature": "" });
    expect(unsigned.status).toBe(401);
    const malformed = await h.post(raw, { "X-ZEvent-Signature": "sha256=abc" });
    expect(malformed.status).toBe(401);
    expect(await metricValue(h.registry, "khaibao_zalo_webhook_unauthorized_total")).toBe(2);
  });

  it("when the body was signed with another OA secret key, then 401", async () => {
    const delivery = signed(event("user_send_text"), { oaSecretKey: "someone-else" });
    const res = await h.post(delivery.raw, { "X-ZEvent-Signature": delivery.signature });
    expect(res.status).toBe(401);
  });

  it("when the body names another app_id (even correctly signed for it), then 401 and nothing is stored", async () => {
    const body = event("user_send_text", { ids: { appId: "999999999999999999" } });
    // Signed with the *claimed* app id: the hash does not verify against ours.
    const asClaimed = signed(body, { appId: "999999999999999999" });
    expect((await h.post(asClaimed.raw, { "X-ZEvent-Signature": asClaimed.signature })).status).toBe(401);
    // Signed with our app id but naming another app in the body.
    const res = await h.post(body);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("zalo.webhook_app_mismatch");
    expect(await metricValue(h.registry, "khaibao_zalo_webhook_unauthorized_total", { reason: "app_mismatch" })).toBe(1);
    expect(await inboxRows()).toEqual([]);
  });

  it("when a signed body is re-serialised on the way, then it no longer verifies (401)", async () => {
    const original = `{"app_id": "${TEST_IDENTITY.appId}", "sender": {"id": "${BIG_USER}"}, "recipient": {"id": "${TEST_IDENTITY.oaId}"}, "event_name": "user_send_text", "message": {"msg_id": "r1", "text": "a"}, "timestamp": "1764316800000"}`;
    const { signature } = signed(original);
    const reserialised = JSON.stringify(JSON.parse(original));
    expect(reserialised).not.toBe(original);
    expect((await h.post(reserialised, { "X-ZEvent-Signature": signature })).status).toBe(401);
    expect((await h.post(original, { "X-ZEvent-Signature": signature })).status).toBe(200);
  });

  it("when Zalo redelivers an event, then it is stored and processed once", async () => {
    const body = event("user_send_text", { msgId: "dup-1", text: "Tôi cần khai báo" });
    expect((await h.post(body)).status).toBe(200);
    expect((await h.post(body, { num_retry: "1" })).status).toBe(200);
    expect((await h.post(body, { num_retry: "2" })).status).toBe(200);
    await h.drain();
    expect((await inboxRows()).map((r) => r.state)).toEqual(["done"]);
    const messages = await h.module.conversations.messages(BIG_USER);
    expect(messages.filter((m) => m.direction === "in")).toHaveLength(1);
    expect(messages.filter((m) => m.direction === "out")).toHaveLength(1);
    const sent = await fetch(`${h.standin.url}/__messages`).then((r) => r.json() as Promise<{ messages: unknown[] }>);
    expect(sent.messages).toHaveLength(1);
    expect(await metricValue(h.registry, "khaibao_zalo_webhook_requests_total", { outcome: "duplicate" })).toBe(2);
  });

  it("when an id above 2^53 arrives unquoted, then it stays exact in the stored row and in the reply's recipient", async () => {
    const raw = `{"app_id":"${TEST_IDENTITY.appId}","sender":{"id":${BIG_USER}},"user_id_by_app":"552177279717587730","recipient":{"id":"${TEST_IDENTITY.oaId}"},"event_name":"user_send_text","message":{"text":"Xin chào","msg_id":"big1"},"timestamp":"1764316800000"}`;
    expect(Number(BIG_USER).toString()).not.toBe(BIG_USER);
    expect((await h.post(raw)).status).toBe(200);
    expect((await inboxRows())[0]?.user_id).toBe(BIG_USER);
    await h.drain();
    const conv = await db.get<{ user_id: string }>("SELECT user_id FROM zalo_conversations");
    expect(conv?.user_id).toBe(BIG_USER);
    const sent = await fetch(`${h.standin.url}/__messages`).then((r) => r.json() as Promise<{ messages: Array<{ userId: string; rawBody: string }> }>);
    expect(sent.messages.map((m) => m.userId)).toEqual([BIG_USER]);
    expect(sent.messages[0]?.rawBody).toContain(`"recipient":{"user_id":"${BIG_USER}"}`);
  });

  it("when the event is one we do not handle, then 200 and it is logged, not stored", async () => {
    const body = { app_id: TEST_IDENTITY.appId, oa_id: TEST_IDENTITY.oaId, group_id: "g1", event_name: "user_send_group_text", timestamp: "1764316800000" };
    expect((await h.post(body)).status).toBe(200);
    expect(await inboxRows()).toEqual([]);
    expect(await metricValue(h.registry, "khaibao_zalo_webhook_requests_total", { outcome: "ignored_unknown_event" })).toBe(1);
  });

  it("when a signed event is for another OA of the same app, then 200 and it is dropped", async () => {
    expect((await h.post(event("user_send_text", { ids: { oaId: "111111111111111111" } }))).status).toBe(200);
    expect(await inboxRows()).toEqual([]);
  });

  it("when a known event lacks what we rely on, then 400 naming the field", async () => {
    const body = event("user_send_text");
    delete (body.message as Record<string, unknown>).msg_id;
    const res = await h.post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("zalo.webhook_payload_invalid");
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain("message.msg_id");
  });

  it("when the body is not JSON, then 400; without a timestamp it cannot be verified: 401", async () => {
    expect((await h.post("{not json", { "X-ZEvent-Signature": `mac=${"a".repeat(64)}` })).status).toBe(400);
    const noTs = { ...event("user_send_text") };
    delete noTs.timestamp;
    expect((await h.post(noTs)).status).toBe(401);
  });

  it("when the body is over the limit, then 413", async () => {
    const body = event("user_send_text", { text: "x".repeat(200_000) });
    expect((await h.post(body)).status).toBe(413);
  });

  it("when the event is older than the replay window, then 200 and it is dropped", async () => {
    clock.advance(8 * 24 * 3_600_000);
    expect((await h.post(event("user_send_text"))).status).toBe(200);
    expect(await inboxRows()).toEqual([]);
  });
});
