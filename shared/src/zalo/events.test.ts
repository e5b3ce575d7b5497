import { describe, expect, it } from "vitest";
import { parseWith } from "../api/errors";
import {
  buttonPayload,
  isOaEchoEvent,
  isUserMessageEvent,
  miniAppButton,
  outgoingMessageSchema,
  parseButtonPayload,
  SAMPLE_ZALO_IDS,
  sampleZaloEvent,
  ZALO_EVENT_NAMES,
  zaloEventFacts,
  zaloEventSchema,
} from "./index";

const USER = SAMPLE_ZALO_IDS.userId;
const OA = SAMPLE_ZALO_IDS.oaId;

describe("Zalo webhook events", () => {
  it.each(ZALO_EVENT_NAMES)("a real-shaped %s parses into the union with its name", (name) => {
    const event = zaloEventSchema.parse(sampleZaloEvent(name));
    expect(event.event_name).toBe(name);
  });

  it("narrows on event_name: a user text has sender, message.text and msg_id", () => {
    const event = zaloEventSchema.parse(sampleZaloEvent("user_send_text", { text: "Xin chào", msgId: "abc" }));
    expect(isUserMessageEvent(event)).toBe(true);
    expect(isOaEchoEvent(event)).toBe(false);
    if (event.event_name !== "user_send_text") throw new Error("narrowing");
    expect([event.sender.id, event.message.text, event.message.msg_id]).toEqual([USER, "Xin chào", "abc"]);
  });

  it("keeps ids as strings; a safe number becomes its string; an unsafe number is refused, never rounded", () => {
    const asString = sampleZaloEvent("follow");
    expect(zaloEventSchema.parse(asString).event_name).toBe("follow");
    const safe = { ...sampleZaloEvent("follow"), follower: { id: 1234567 } };
    const parsed = zaloEventSchema.parse(safe);
    expect(parsed.event_name === "follow" && parsed.follower.id).toBe("1234567");
    const unsafe = { ...sampleZaloEvent("follow"), follower: { id: Number(USER) } };
    const result = parseWith(zaloEventSchema, unsafe);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual({ path: "follower.id", code: "zalo.id_unsafe_number" });
  });

  it("parses leniently where Zalo varies: extra keys dropped, numbers or strings, newer submit_info fields", () => {
    const file = sampleZaloEvent("user_send_file");
    (file.message as { attachments: Array<{ payload: Record<string, unknown> }> }).attachments[0]!.payload.size = 20864;
    (file as Record<string, unknown>).something_new = { x: 1 };
    const parsed = zaloEventSchema.parse(file);
    expect("something_new" in parsed).toBe(false);
    const info = { ...sampleZaloEvent("user_submit_info"), info: { name: "An", phone: "84912345678", user_dob: "01/01/1990", gender: "male", full_address: "Hà Nội" } };
    expect(zaloEventSchema.parse(info).event_name).toBe("user_submit_info");
    const numericTimestamp = { ...sampleZaloEvent("user_send_text"), timestamp: 1764316800000 };
    expect(zaloEventSchema.parse(numericTimestamp).timestamp).toBe("1764316800000");
  });

  it("an OA echo from the chat tool may carry admin_id", () => {
    const echo = sampleZaloEvent("oa_send_text");
    (echo.sender as Record<string, unknown>).admin_id = "7777777777777777777";
    const parsed = zaloEventSchema.parse(echo);
    expect(parsed.event_name === "oa_send_text" && parsed.sender.admin_id).toBe("7777777777777777777");
  });
});

describe("zaloEventFacts", () => {
  const facts = (name: Parameters<typeof sampleZaloEvent>[0], opts: Parameters<typeof sampleZaloEvent>[1] = {}) => zaloEventFacts(zaloEventSchema.parse(sampleZaloEvent(name, opts)), OA);

  it("finds the user on whichever side it is", () => {
    expect(facts("user_send_text").userId).toBe(USER);
    expect(facts("oa_send_text").userId).toBe(USER);
    expect(facts("follow").userId).toBe(USER);
    expect(facts("user_click_chatnow").userId).toBe(USER);
    expect(facts("user_submit_info").userId).toBe(USER);
    expect(facts("user_received_message").userId).toBe(USER);
    expect(facts("add_user_to_tag").userId).toBe("");
    // A receipt naming the parties the other way round is still the user's.
    const swapped = { ...sampleZaloEvent("user_seen_message"), sender: { id: USER }, recipient: { id: OA } };
    expect(zaloEventFacts(zaloEventSchema.parse(swapped), OA)).toMatchObject({ userId: USER, oaId: OA });
  });

  it("dedupes on event + msg_id, else event + user + timestamp", () => {
    expect(facts("user_send_text", { msgId: "m1" }).dedupeKey).toBe("user_send_text:m1");
    // The echo and the receipt of one message share its msg_id but are different events.
    expect(facts("oa_send_text", { msgId: "m2" }).dedupeKey).not.toBe(facts("user_received_message", { msgIds: ["m2"] }).dedupeKey);
    expect(facts("follow", { timestamp: "1764316800000" }).dedupeKey).toBe(`follow:${USER}:1764316800000`);
  });

  it("names the OA each event is for", () => {
    for (const name of ZALO_EVENT_NAMES) {
      const f = facts(name);
      if (name !== "add_user_to_tag") expect({ name, oaId: f.oaId }).toEqual({ name, oaId: OA });
    }
  });
});

describe("outgoing messages", () => {
  it("builds mini app buttons and query payloads that round-trip", () => {
    expect(miniAppButton("Khai báo", "1234567890", "?checkpoint=HN-PHAPVAN")).toEqual({ type: "open_url", title: "Khai báo", url: "https://zalo.me/s/1234567890/?checkpoint=HN-PHAPVAN" });
    expect(parseButtonPayload(buttonPayload("menu.declare", "HN-PHAPVAN"))).toEqual({ action: "menu.declare", arg: "HN-PHAPVAN" });
    expect(parseButtonPayload("#faq")).toEqual({ action: "faq", arg: undefined });
    expect(parseButtonPayload("Tôi muốn hỏi #faq")).toBeUndefined();
    expect(() => buttonPayload("Not Valid")).toThrow();
  });

  it("refuses more than five buttons, plain-text query payloads and http links", () => {
    const button = { type: "open_url", title: "A", url: "https://zalo.me/s/1/" };
    expect(outgoingMessageSchema.safeParse({ type: "buttons", text: "x", buttons: Array(6).fill(button) }).success).toBe(false);
    expect(outgoingMessageSchema.safeParse({ type: "buttons", text: "x", buttons: [{ type: "query", title: "A", payload: "hello" }] }).success).toBe(false);
    expect(outgoingMessageSchema.safeParse({ type: "buttons", text: "x", buttons: [{ ...button, url: "http://insecure.example" }] }).success).toBe(false);
    expect(outgoingMessageSchema.safeParse({ type: "buttons", text: "x", buttons: [button] }).success).toBe(true);
  });
});
