import { miniAppButton, type OaButton } from "@khaibao/shared";
import type { Env } from "../config";
import { ConversationRepository } from "../conversations/repository";
import { DEV_ZALO_MINI_APP_ID } from "../standins/zalo-oa/dev";
import type { Database } from "../storage";
import { createChatBot, type ChatBot, type ChatBotOptions } from "./chat-bot";
import { loadFaq } from "./faq";
import { DEFAULT_SUPPORT_HOURS, parseSupportHours } from "./hours";

export { createChatBot, HAND_OFF_AFTER, OFFER_PERSON_AFTER, type ChatBot, type ChatBotOptions } from "./chat-bot";
export { loadFaq, parseFaq, FaqFileError, type FaqFile, type FaqEntry } from "./faq";
export { parseSupportHours, isOpen, nextOpening, describeOpening, DEFAULT_SUPPORT_HOURS, SupportHoursError, type SupportHours } from "./hours";
export { createIntentMatcher, type Intent } from "./intents";

export type ChatBotEnv = Pick<Env, "NODE_ENV" | "ZALO_MINI_APP_ID" | "PUBLIC_BASE_URL" | "BOT_FAQ_FILE" | "SUPPORT_HOURS">;

export const DECLARE_BUTTON_TITLE = "Khai báo di chuyển";

/**
 * The button to the declaration: in Zalo, the mini app's deep link. Outside production with an
 * https PUBLIC_BASE_URL (a tunnel to this machine), the local preview at `/app/`. Plain-http
 * links are refused by Zalo and by our message schema, so on a bare localhost the dev mini app
 * id's deep link is sent and the chat simulator shows it as a link to the local preview.
 */
export function declareButton(env: Pick<ChatBotEnv, "NODE_ENV" | "ZALO_MINI_APP_ID" | "PUBLIC_BASE_URL">): OaButton {
  const base = env.PUBLIC_BASE_URL;
  if (env.NODE_ENV !== "production" && base?.startsWith("https://")) return { type: "open_url", title: DECLARE_BUTTON_TITLE, url: `${base.replace(/\/+$/, "")}/app/` };
  const id = env.ZALO_MINI_APP_ID ?? (env.NODE_ENV === "production" ? undefined : DEV_ZALO_MINI_APP_ID);
  if (id === undefined) throw new Error("ZALO_MINI_APP_ID is required in production");
  return miniAppButton(DECLARE_BUTTON_TITLE, id);
}

/** The chat-bot as configured: FAQ file (BOT_FAQ_FILE), support hours (SUPPORT_HOURS). Throws on a broken FAQ. */
export function createConfiguredChatBot(deps: { env: ChatBotEnv; db: Database; now?: () => Date; deskHours?: ChatBotOptions["deskHours"] }): ChatBot {
  return createChatBot({
    faq: loadFaq(deps.env.BOT_FAQ_FILE),
    hours: parseSupportHours(deps.env.SUPPORT_HOURS ?? DEFAULT_SUPPORT_HOURS),
    declareButton: declareButton(deps.env),
    conversations: new ConversationRepository(deps.db),
    db: deps.db,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.deskHours ? { deskHours: deps.deskHours } : {}),
  });
}
