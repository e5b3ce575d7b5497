import { miniAppButton, type OutgoingMessage, type ZaloEvent } from "@khaibao/shared";
import type { Conversation } from "./types";

/**
 * The seam for the chat-bot: given an event of a conversation the bot owns, the messages to
 * answer with. It sends nothing itself: replies are queued in the transaction that marks the
 * event handled, so an event handled twice (crash, lease taken over) never answers twice, and a
 * reply accepted is sent or reported. It is only asked while the conversation is owned by the bot.
 */
export interface Bot {
  handle(event: ZaloEvent, conversation: Conversation): Promise<OutgoingMessage[]>;
}

/** Until the real bot arrives: a short acknowledgement and a button to the mini app. Never repeats the user's words. */
export function createPlaceholderBot(opts: { miniAppId: string }): Bot {
  const declare = miniAppButton("Khai báo di chuyển", opts.miniAppId);
  return {
    async handle(event) {
      switch (event.event_name) {
        case "follow":
        case "user_click_chatnow":
          return [{ type: "buttons", text: "Xin chào! Đây là kênh khai báo di chuyển và y tế của thành phố. Bấm nút bên dưới để khai báo.", buttons: [declare] }];
        case "user_send_text":
        case "user_send_image":
        case "user_send_link":
        case "user_send_audio":
        case "user_send_video":
        case "user_send_sticker":
        case "user_send_gif":
        case "user_send_location":
        case "user_send_file":
        case "user_send_business_card":
          return [{ type: "buttons", text: "Cảm ơn bạn đã nhắn tin. Để khai báo di chuyển, vui lòng bấm nút bên dưới.", buttons: [declare] }];
        default:
          return [];
      }
    },
  };
}
