import { isOaEchoEvent, isUserMessageEvent, type ZaloEvent, type ZaloEventFacts } from "@khaibao/shared";
import type { FieldCipher } from "../privacy";
import type { Queryable } from "../storage";
import type { Middleware } from "../webhook/pipeline/context";
import { sealContact } from "./contact";
import type { ConsoleEvents } from "./events";
import type { InboxRepository } from "./repository";

/**
 * The inbox's part of the webhook pipeline, run before the conversation handlers and committed
 * with the event: a citizen writing to a resolved conversation reopens it (the bot owns it
 * again, so the bot answers); the app-scoped user id links the chat to their declarations; a
 * shared name and phone are stored sealed.
 */
export function inboxMiddleware(deps: { inbox: InboxRepository; cipher: FieldCipher; db: Queryable }): Middleware {
  return async (ctx, next) => {
    const event = ctx.event;
    const { userId } = ctx.facts;
    if (userId === "") return next();
    const appUserId = "user_id_by_app" in event ? event.user_id_by_app : undefined;
    // Stored at once, not with the event: the bot, further down this chain, looks up the
    // citizen's declarations (desk hours) by it, already for their very first message.
    if (appUserId && appUserId !== userId && (await deps.inbox.appUserIdOf(userId)) !== appUserId) await deps.inbox.setAppUserId(deps.db, userId, appUserId, ctx.now);
    if (isUserMessageEvent(event) || event.event_name === "follow" || event.event_name === "user_click_chatnow" || event.event_name === "user_submit_info") {
      ctx.write(async (tx) => {
        await deps.inbox.ensure(tx, userId, ctx.now);
        if (isUserMessageEvent(event)) await deps.inbox.reopen(tx, userId, ctx.now);
        if (event.event_name === "user_submit_info") await deps.inbox.setContact(tx, userId, sealContact(deps.cipher, { name: event.info.name, phone: event.info.phone }), ctx.now);
      });
    }
    return next();
  };
}

/**
 * After an event committed: tell the open consoles (they refetch the list and the thread). Only
 * chats a person owns (including one the bot just handed off): the bot's own conversations with
 * every citizen would otherwise make every console refetch and chime all day.
 */
export function announceEvent(deps: { inbox: InboxRepository; events: ConsoleEvents; onError: (error: unknown) => void }) {
  return (event: ZaloEvent, facts: ZaloEventFacts): void => {
    const { userId } = facts;
    if (userId === "" || event.event_name === "user_received_message" || event.event_name === "user_seen_message") return;
    void (async () => {
      const state = await deps.inbox.state(userId);
      if (state?.owner !== "human") return;
      const assigneeId = state.assigneeId;
      if (isUserMessageEvent(event)) deps.events.publish({ type: "message", userId, direction: "in", assigneeId });
      else if (isOaEchoEvent(event)) deps.events.publish({ type: "message", userId, direction: "out", assigneeId });
      else deps.events.publish({ type: "conversation", userId, assigneeId });
    })().catch(deps.onError);
  };
}
