import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { zaloEventSchema, type OaButton, type OutgoingMessage } from "@khaibao/shared";
import type { Bot } from "../conversations";
import { ConversationRepository } from "../conversations/repository";
import type { Database } from "../storage";
import { openTestDatabases } from "../storage/testing";
import { event, manualClock, startZaloHarness, TEST_IDENTITY, type ZaloHarness } from "../zalo/oa/testing";
import { createChatBot, type ChatBot } from "./chat-bot";
import { declareButton } from "./index";
import { loadFaq } from "./faq";
import { DEFAULT_SUPPORT_HOURS, parseSupportHours } from "./hours";

const USER = "2468458835296197922";
const MINI_APP = `https://zalo.me/s/${TEST_IDENTITY.miniAppId}/`;
/** Friday 28 Nov 2025, 15:00 in Hanoi: staff at work. */
const FRIDAY_AFTERNOON = Date.parse("2025-11-28T15:00:00+07:00");
/** Saturday 29 Nov 2025, 14:00 in Hanoi: the desk closed at 11:30. */
const SATURDAY_AFTERNOON = Date.parse("2025-11-29T14:00:00+07:00");

describe.each(openTestDatabases({ migrate: true }))("the chat-bot in the pipeline ($name)", ({ open }) => {
  let db: Database;
  let h: ZaloHarness;
  let chatBot: ChatBot;
  let asked: number;
  let n = 0;
  const clock = manualClock(FRIDAY_AFTERNOON);

  beforeEach(async () => {
    clock.t = FRIDAY_AFTERNOON;
    db = await open();
    asked = 0;
    chatBot = createChatBot({
      faq: loadFaq(),
      hours: parseSupportHours(DEFAULT_SUPPORT_HOURS),
      declareButton: declareButton({ NODE_ENV: "test", ZALO_MINI_APP_ID: TEST_IDENTITY.miniAppId, PUBLIC_BASE_URL: undefined }),
      conversations: new ConversationRepository(db),
      db,
      now: clock.now,
    });
    // Counts how often the pipeline asks the bot: a quiet bot is one that is not asked.
    const spy: Bot = {
      handle: (...args) => {
        asked++;
        return chatBot.handle(...args);
      },
    };
    h = await startZaloHarness({ db, now: clock.now, bot: spy });
  });
  afterEach(async () => {
    await h.stop();
    await db.close();
  });

  /** Feeds one event straight into the pipeline; the bot's replies to it. */
  const feed = async (e: Record<string, unknown>): Promise<OutgoingMessage[]> => {
    const before = (await h.module.conversations.messages(USER)).length;
    const outcome = await h.module.pipeline.process(zaloEventSchema.parse(e));
    expect(outcome.kind).toBe("done");
    clock.advance(1_000);
    const after = await h.module.conversations.messages(USER);
    return after.slice(before).filter((m) => m.author === "bot").map((m) => ({ type: "buttons", text: m.text ?? "", buttons: (m.payload as { buttons?: OaButton[] } | null)?.buttons ?? [] }) as OutgoingMessage);
  };
  const say = (text: string) => feed(event("user_send_text", { msgId: `m${++n}`, text }));
  const buttonsOf = (m: OutgoingMessage | undefined) => (m?.type === "buttons" ? m.buttons : []);

  it("when a citizen follows the OA, then the menu offers declaring, the certificate, FAQs and a person", async () => {
    const [menu, ...rest] = await feed(event("follow"));
    expect(rest).toEqual([]);
    expect(menu?.type === "buttons" && menu.text).toContain("Xin chào");
    expect(buttonsOf(menu)).toEqual([
      { type: "open_url", title: "Khai báo di chuyển", url: MINI_APP },
      { type: "query", title: "Chứng nhận tiêm chủng", payload: "#menu:vaccine" },
      { type: "query", title: "Câu hỏi thường gặp", payload: "#faq:list" },
      { type: "query", title: "Gặp nhân viên hỗ trợ", payload: "#handoff" },
    ]);
  });

  it("when a citizen writes 'khia bao', then the answer is a button to the mini app", async () => {
    const [answer] = await say("khia bao");
    expect(buttonsOf(answer)).toEqual([{ type: "open_url", title: "Khai báo di chuyển", url: MINI_APP }]);
  });

  it("when a citizen taps the FAQ list and then a question, then each FAQ is a button and the answer follows", async () => {
    const [list] = await say("#faq:list");
    const payloads = buttonsOf(list).map((b) => (b.type === "query" ? b.payload : b.type));
    expect(payloads).toEqual(["#faq:bluezone", "#faq:documents", "#faq:vaccine-qr", "#faq:page-not-opening"]);
    const [answer] = await say("#faq:bluezone");
    expect(answer?.type === "buttons" && answer.text).toMatch(/quét mã QR/);
  });

  it("when a text is not understood, then the menu comes back; the third time a person is offered; the fifth hands off", async () => {
    const first = await say("asdfgh");
    expect(first).toHaveLength(1);
    expect(first[0]?.type === "buttons" && first[0].text).toMatch(/chưa hiểu/);
    expect(buttonsOf(first[0])[0]).toMatchObject({ type: "open_url" });
    await say("qwerty");
    const third = await say("zxcvb");
    expect(third[0]?.type === "buttons" && third[0].text).toMatch(/nhân viên hỗ trợ không\?/);
    expect(buttonsOf(third[0])[0]).toEqual({ type: "query", title: "Gặp nhân viên hỗ trợ", payload: "#handoff" });
    await say("poiuy");
    expect((await h.module.conversations.get(USER))?.owner).toBe("bot");
    const fifth = await say("lkjhg");
    expect(fifth.map((m) => m.type === "buttons" && m.text)).toEqual([expect.stringMatching(/^Xin lỗi vì mình chưa giúp được bạn\. Đã chuyển cho nhân viên hỗ trợ\./)]);
    expect(await h.module.conversations.get(USER)).toMatchObject({ owner: "human", ownerReason: "repeated_failures" });
  });

  it("when a text is understood in between, then the count of failures starts again", async () => {
    await say("asdfgh");
    await say("qwerty");
    await say("khai bao");
    const next = await say("zxcvb");
    expect(next[0]?.type === "buttons" && next[0].text).toMatch(/^Xin lỗi, mình chưa hiểu/);
  });

  it("when a citizen asks for a person out of hours, then the handoff says when someone answers and the bot stays quiet until handed back", async () => {
    clock.t = SATURDAY_AFTERNOON;
    const [handoff] = await say("gap nhan vien");
    expect(handoff?.type === "buttons" && handoff.text).toBe(
      "Đã chuyển cho nhân viên hỗ trợ. Hiện đã ngoài giờ làm việc. Nhân viên sẽ trả lời từ 07:30 sáng thứ Hai. Bạn cứ để lại câu hỏi ở đây, chúng mình sẽ đọc hết.",
    );
    expect(await h.module.conversations.get(USER)).toMatchObject({ owner: "human", ownerReason: "citizen_asked" });
    const askedBefore = asked;
    expect(await say("Alo, có ai không?")).toEqual([]);
    expect(await say("#handoff")).toEqual([]);
    expect(await feed(event("follow", { timestamp: "1764400000000" }))).toEqual([]);
    expect(asked).toBe(askedBefore);
    // Staff resolve the chat (the inbox will call this): the bot answers again.
    expect(await chatBot.handBackToBot(USER)).toBe(true);
    expect(buttonsOf((await say("menu"))[0])).toHaveLength(4);
  });

  it("when a citizen asks for a person in hours, then someone answers in minutes", async () => {
    const [handoff] = await say("Tôi muốn nói chuyện với người thật");
    expect(handoff?.type === "buttons" && handoff.text).toBe("Đã chuyển cho nhân viên hỗ trợ. Nhân viên sẽ trả lời bạn trong ít phút, bạn vui lòng chờ nhé.");
  });

  it("when the OA's own message comes back as an echo, then the bot does not answer it", async () => {
    await say("menu");
    const askedBefore = asked;
    const replies = await feed(event("oa_send_text", { msgId: "echo-1", text: "Bạn cần mình giúp gì?" }));
    expect(replies).toEqual([]);
    expect(asked).toBe(askedBefore);
  });

  it("when a citizen sends a picture, then the bot says it reads text only and offers a person", async () => {
    const [answer] = await feed(event("user_send_image", { msgId: "img-1" }));
    expect(answer?.type === "buttons" && answer.text).toMatch(/chỉ đọc được tin nhắn chữ/);
  });
});
