import type { OutgoingMessage, ZaloEvent } from "@khaibao/shared";
import type { Conversation } from "./types";

/** What the bot may do besides answering, applied in the transaction that queues its replies. */
export interface BotTurn {
  /** Passes the conversation to a person: from then on the bot is not asked until staff hand it back. */
  handOff(reason: string): void;
}

/**
 * The seam for the chat-bot: given an event of a conversation the bot owns, the messages to
 * answer with. It sends nothing itself: replies (and a handoff) are committed in the transaction
 * that marks the event handled, so an event handled twice (crash, lease taken over) never
 * answers twice, and a reply accepted is sent or reported. It is only asked while the
 * conversation is owned by the bot. The real one is `bot/` (`createChatBot`).
 */
export interface Bot {
  handle(event: ZaloEvent, conversation: Conversation, turn: BotTurn): Promise<OutgoingMessage[]>;
}
