import { describe, expect, it } from "vitest";
import { zaloEventSchema, type OutgoingMessage } from "@khaibao/shared";
import type { ConversationRepository } from "../conversations/repository";
import type { Conversation } from "../conversations/types";
import type { Database } from "../storage";
import { event, TEST_IDENTITY } from "../zalo/oa/testing";
import { createChatBot } from "./chat-bot";
import { loadFaq } from "./faq";
import { DEFAULT_SUPPORT_HOURS, parseSupportHours } from "./hours";
import { declareButton } from "./index";

// The "vaccination certificate" intent opens the mini app's wallet: the declaration button's own
// link with ?view=wallet, so both point at the same mini app in every environment.

const conversation: Conversation = {
  userId: "2468458835296197922",
  owner: "bot",
  ownerSince: "2026-11-28T00:00:00Z",
  ownerReason: null,
  following: true,
  lastInboundAt: null,
  createdAt: "2026-11-28T00:00:00Z",
};
const turn = { handOff: () => {} };
let n = 0;

function botFor(env: { NODE_ENV: "test" | "development"; PUBLIC_BASE_URL: string | undefined }) {
  return createChatBot({
    faq: loadFaq(),
    hours: parseSupportHours(DEFAULT_SUPPORT_HOURS),
    declareButton: declareButton({ ...env, ZALO_MINI_APP_ID: TEST_IDENTITY.miniAppId }),
    // The vaccine intent reads nothing from storage.
    conversations: {} as ConversationRepository,
    db: {} as Database,
  });
}

async function say(text: string, bot = botFor({ NODE_ENV: "test", PUBLIC_BASE_URL: undefined })): Promise<OutgoingMessage | undefined> {
  const [reply] = await bot.handle(zaloEventSchema.parse(event("user_send_text", { msgId: `m${++n}`, text })), conversation, turn);
  return reply;
}

describe("the chat-bot's vaccination certificate intent", () => {
  it.each(["chứng nhận tiêm chủng", "ho chieu vaccine", "#menu:vaccine"])("when a citizen writes %j, then it explains the wallet and its first button opens the mini app's wallet", async (text) => {
    const reply = await say(text);
    expect(reply?.type).toBe("buttons");
    if (reply?.type !== "buttons") return;
    expect(reply.text).toContain("Ví chứng nhận");
    expect(reply.text).toContain("CCCD");
    expect(reply.buttons[0]).toEqual({ type: "open_url", title: "Ví chứng nhận", url: `https://zalo.me/s/${TEST_IDENTITY.miniAppId}/?view=wallet` });
  });

  it("when the local preview is the mini app (an https tunnel in development), then the wallet button opens /app/?view=wallet there", async () => {
    const reply = await say("chung nhan tiem", botFor({ NODE_ENV: "development", PUBLIC_BASE_URL: "https://tunnel.example.vn" }));
    expect(reply?.type === "buttons" && reply.buttons[0]).toEqual({ type: "open_url", title: "Ví chứng nhận", url: "https://tunnel.example.vn/app/?view=wallet" });
  });

  it("when the FAQ answer about the QR is opened, then it offers the wallet too", async () => {
    const reply = await say("#faq:vaccine-qr");
    expect(reply?.type === "buttons" && reply.buttons.map((b) => b.title)).toContain("Ví chứng nhận");
  });
});
