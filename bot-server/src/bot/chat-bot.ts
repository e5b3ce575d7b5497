import { isUserMessageEvent, type OaButton, type OutgoingMessage, type ZaloEvent } from "@khaibao/shared";
import type { Bot, BotTurn } from "../conversations/bot";
import type { ConversationRepository } from "../conversations/repository";
import type { Conversation, ConversationMessage } from "../conversations/types";
import type { Database } from "../storage";
import type { FaqFile } from "./faq";
import { describeOpening, nextOpening, type SupportHours } from "./hours";
import { createIntentMatcher } from "./intents";
import * as replies from "./replies";

/** Not understood this many times in a row: offer a person. */
export const OFFER_PERSON_AFTER = 3;
/** Not understood this many times in a row: hand off without asking ("repeated failures"). */
export const HAND_OFF_AFTER = 5;
/** A not-understood answer older than this no longer counts towards a streak. */
const STREAK_WINDOW_MS = 2 * 3_600_000;

export interface ChatBotOptions {
  faq: FaqFile;
  hours: SupportHours;
  /** The button that opens the mini app (a `https://zalo.me/s/<id>/` deep link, or the local preview). */
  declareButton: OaButton;
  conversations: ConversationRepository;
  db: Database;
  now?: () => Date;
  /**
   * The hours of the desk that answers this citizen (the support inbox's desks), or undefined
   * for the default desk (`hours`). `outOfHoursText` replaces the "we open at ..." sentence.
   */
  deskHours?: (userId: string) => Promise<{ hours: SupportHours; outOfHoursText: string | null } | undefined>;
}

export interface ChatBot extends Bot {
  /** Staff resolved the chat: the bot answers this user again. True when the owner changed. */
  handBackToBot(userId: string): Promise<boolean>;
}

/**
 * The citizens' chat-bot. It answers user messages, follows and "chat now" taps, and nothing
 * else (its own echoes, receipts and tags never reach it). It never stays silent on a message
 * and never loops: a text it does not understand gets a short answer with the menu; the third
 * in a row offers a person; the fifth hands the chat to a person. Counting is read back from
 * the conversation record, so it survives restarts and works across instances.
 */
export function createChatBot(opts: ChatBotOptions): ChatBot {
  const now = opts.now ?? (() => new Date());
  const matcher = createIntentMatcher(opts.faq);
  const ctx: replies.ReplyContext = { faq: opts.faq, declareButton: opts.declareButton };
  const faqById = new Map(opts.faq.faqs.map((f) => [f.id, f]));

  const handoffText = async (userId: string, lead: string): Promise<string> => {
    const at = now();
    const desk = await opts.deskHours?.(userId);
    const opening = nextOpening(desk?.hours ?? opts.hours, at);
    if (opening === undefined) return desk?.outOfHoursText ? `${lead} ${desk.outOfHoursText}` : lead;
    if (opening.getTime() === at.getTime()) return `${lead} ${replies.TEXTS.openNow}`;
    // Out of hours: the desk's own auto-reply if it wrote one, else when it opens.
    return `${lead} ${desk?.outOfHoursText ?? replies.TEXTS.closedUntil(describeOpening(opening, at))}`;
  };

  const handOff = async (turn: BotTurn, userId: string, reason: string, lead: string): Promise<OutgoingMessage[]> => {
    turn.handOff(reason);
    return [{ type: "text", text: await handoffText(userId, lead) }];
  };

  /** How many of the bot's latest answers, in a row and recently, were "not understood". */
  const unknownStreak = async (userId: string): Promise<number> => {
    const since = now().getTime() - STREAK_WINDOW_MS;
    const recent: ConversationMessage[] = await opts.conversations.messages(userId, 2 * HAND_OFF_AFTER + 5);
    let n = 0;
    for (let i = recent.length - 1; i >= 0; i--) {
      const m = recent[i]!;
      if (m.direction === "in") continue;
      if (m.author !== "bot" || m.text === null || !replies.FALLBACK_TEXTS.has(m.text) || Date.parse(m.createdAt) < since) break;
      n++;
    }
    return n;
  };

  const answerText = async (text: string, conversation: Conversation, turn: BotTurn): Promise<OutgoingMessage[]> => {
    const intent = matcher.match(text);
    switch (intent.kind) {
      case "menu":
        return [replies.menu(ctx)];
      case "declare":
        return [replies.declare(ctx)];
      case "vaccine":
        return [replies.vaccine(ctx)];
      case "faq_list":
        return replies.faqList(ctx);
      case "faq": {
        const entry = faqById.get(intent.id);
        return entry ? [replies.faqAnswer(ctx, entry)] : replies.faqList(ctx);
      }
      case "handoff":
        return handOff(turn, conversation.userId, "citizen_asked", replies.TEXTS.handoff);
      case "unknown": {
        const n = (await unknownStreak(conversation.userId)) + 1;
        if (n >= HAND_OFF_AFTER) return handOff(turn, conversation.userId, "repeated_failures", replies.TEXTS.handoffAfterFailures);
        return [replies.fallback(ctx, n)];
      }
    }
  };

  return {
    async handle(event: ZaloEvent, conversation: Conversation, turn: BotTurn) {
      if (event.event_name === "follow" || event.event_name === "user_click_chatnow") return [replies.menu(ctx, replies.TEXTS.welcome)];
      if (!isUserMessageEvent(event)) return [];
      const text = event.message.text;
      if (event.event_name === "user_send_text" && text !== undefined && text.trim() !== "") return answerText(text, conversation, turn);
      // Stickers and GIFs are mostly a thank-you or a like: answering each one would be noise.
      if (event.event_name === "user_send_sticker" || event.event_name === "user_send_gif") return [];
      return [{ type: "buttons", text: replies.TEXTS.notText, buttons: [replies.BUTTONS.handoff(), replies.BUTTONS.menu()] }];
    },
    async handBackToBot(userId) {
      return opts.db.transaction((tx) => opts.conversations.setOwner(tx, userId, "bot", "staff_resolved", now()));
    },
  };
}
