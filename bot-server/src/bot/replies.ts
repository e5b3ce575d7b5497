import { OA_MAX_BUTTONS, queryButton, type OaButton, type OutgoingMessage } from "@khaibao/shared";
import type { FaqButton, FaqEntry, FaqFile } from "./faq";

/**
 * Every sentence the bot says. Short, polite, in Vietnamese with diacritics; the bot calls itself
 * "mình" and the citizen "bạn", as Vietnamese public-service chat does.
 */

export interface ReplyContext {
  faq: FaqFile;
  /** The button that opens the mini app's declaration (Zalo deep link, or the local preview). */
  declareButton: OaButton;
}

export const BUTTONS = {
  vaccine: () => queryButton("Chứng nhận tiêm chủng", "menu", "vaccine"),
  faqList: () => queryButton("Câu hỏi thường gặp", "faq", "list"),
  handoff: () => queryButton("Gặp nhân viên hỗ trợ", "handoff"),
  menu: () => queryButton("Về menu chính", "menu"),
} as const;

export const TEXTS = {
  welcome:
    "Xin chào! Đây là kênh hỗ trợ khai báo di chuyển và y tế của thành phố. Khi qua chốt, bạn quét mã QR tại chốt bằng Zalo để khai báo. Bạn cần mình giúp gì?",
  menu: "Bạn cần mình giúp gì? Chọn một mục bên dưới nhé.",
  declare: "Bấm nút bên dưới để mở trang khai báo di chuyển ngay trong Zalo. Tại chốt, quét mã QR bằng Zalo thì trang khai báo mở sẵn đúng chốt đó.",
  vaccine:
    "Lưu chứng nhận tiêm chủng COVID-19 (mã QR) ngay trong Zalo: bấm \"Ví chứng nhận\" bên dưới, nhập số CCCD, họ tên và ngày sinh để tra cứu rồi bấm lưu. Bạn cũng có thể dán hoặc quét mã QR có sẵn (từ Sổ sức khỏe điện tử, PC-Covid hay email của Bộ Y tế): ứng dụng kiểm tra mã là thật trước khi lưu. Lưu được cho cả gia đình, mã QR hiện cả khi không có mạng. Mã QR có hiệu lực 12 tháng.",
  faqList: "Các câu hỏi thường gặp, bạn chọn một câu nhé:",
  faqListMore: "Thêm câu hỏi:",
  /** The fallbacks are recognised by their exact text (see `unknownStreak`): change them only here. */
  fallback: "Xin lỗi, mình chưa hiểu ý bạn. Bạn có thể chọn một mục bên dưới, hoặc gõ ngắn gọn như \"khai báo\", \"giấy tờ\", \"chứng nhận tiêm\".",
  fallbackOfferPerson:
    "Xin lỗi, mình vẫn chưa hiểu ý bạn. Bạn muốn nói chuyện với nhân viên hỗ trợ không? Bấm \"Gặp nhân viên hỗ trợ\", hoặc chọn một mục bên dưới.",
  notText: "Mình chỉ đọc được tin nhắn chữ. Nếu cần gửi giấy tờ hay hình ảnh, bạn bấm \"Gặp nhân viên hỗ trợ\" nhé.",
  handoff: "Đã chuyển cho nhân viên hỗ trợ.",
  handoffAfterFailures: "Xin lỗi vì mình chưa giúp được bạn. Đã chuyển cho nhân viên hỗ trợ.",
  openNow: "Nhân viên sẽ trả lời bạn trong ít phút, bạn vui lòng chờ nhé.",
  closedUntil: (when: string) => `Hiện đã ngoài giờ làm việc. Nhân viên sẽ trả lời từ ${when}. Bạn cứ để lại câu hỏi ở đây, chúng mình sẽ đọc hết.`,
} as const;

/** Texts that count as "the bot did not understand" when looking back at the conversation. */
export const FALLBACK_TEXTS: ReadonlySet<string> = new Set([TEXTS.fallback, TEXTS.fallbackOfferPerson]);

export const WALLET_BUTTON_TITLE = "Ví chứng nhận";

/**
 * The mini app opened on the certificate wallet: the declaration button's own link (Zalo deep
 * link or local preview) with `?view=wallet`, so both always point at the same mini app.
 */
export function walletButton(ctx: ReplyContext): OaButton {
  if (ctx.declareButton.type !== "open_url") return BUTTONS.menu();
  const url = new URL(ctx.declareButton.url);
  url.searchParams.set("view", "wallet");
  return { type: "open_url", title: WALLET_BUTTON_TITLE, url: url.toString() };
}

/** The "vaccination certificate" intent: how to keep the certificate, and the wallet one tap away. */
export function vaccine(ctx: ReplyContext): OutgoingMessage {
  return { type: "buttons", text: TEXTS.vaccine, buttons: [walletButton(ctx), BUTTONS.faqList(), BUTTONS.menu()] };
}

export function menuButtons(ctx: ReplyContext): OaButton[] {
  return [ctx.declareButton, BUTTONS.vaccine(), BUTTONS.faqList(), BUTTONS.handoff()];
}

export function menu(ctx: ReplyContext, text: string = TEXTS.menu): OutgoingMessage {
  return { type: "buttons", text, buttons: menuButtons(ctx) };
}

export function declare(ctx: ReplyContext): OutgoingMessage {
  return { type: "buttons", text: TEXTS.declare, buttons: [ctx.declareButton] };
}

/** Every FAQ as a button; more than five become several messages (Zalo shows five per message). */
export function faqList(ctx: ReplyContext): OutgoingMessage[] {
  const out: OutgoingMessage[] = [];
  const entries = ctx.faq.faqs;
  for (let i = 0; i < entries.length; i += OA_MAX_BUTTONS) {
    const buttons = entries.slice(i, i + OA_MAX_BUTTONS).map((f) => queryButton(f.title, "faq", f.id));
    out.push({ type: "buttons", text: i === 0 ? TEXTS.faqList : TEXTS.faqListMore, buttons });
  }
  return out;
}

function faqButton(ctx: ReplyContext, b: FaqButton): OaButton {
  switch (b) {
    case "declare":
      return ctx.declareButton;
    case "faq-list":
      return BUTTONS.faqList();
    case "handoff":
      return BUTTONS.handoff();
    case "menu":
      return BUTTONS.menu();
    case "wallet":
      return walletButton(ctx);
  }
}

export function faqAnswer(ctx: ReplyContext, entry: FaqEntry): OutgoingMessage {
  const buttons = [...(entry.buttons ?? []).map((b) => faqButton(ctx, b))];
  if (!(entry.buttons ?? []).includes("faq-list")) buttons.push(BUTTONS.faqList());
  return { type: "buttons", text: entry.answer, buttons: buttons.slice(0, OA_MAX_BUTTONS) };
}

/** The `n`th not-understood message in a row (1-based): from the third, a person is offered. */
export function fallback(ctx: ReplyContext, n: number): OutgoingMessage {
  return n >= 3
    ? { type: "buttons", text: TEXTS.fallbackOfferPerson, buttons: [BUTTONS.handoff(), ctx.declareButton, BUTTONS.faqList()] }
    : { type: "buttons", text: TEXTS.fallback, buttons: menuButtons(ctx) };
}
