export { ConversationRepository, type InboundMessage, type OutboundMessage } from "./repository";
export { conversationMiddleware, type ConversationHandlersOptions } from "./handlers";
export { queueMessages, mirrorOutboundTransition } from "./outgoing";
export type { Bot, BotTurn } from "./bot";
export type { Conversation, ConversationMessage, ConversationOwner, MessageAuthor, MessageState } from "./types";
