import { isOaEchoEvent, isUserMessageEvent, type ZaloEvent, type ZaloEventFacts } from "@khaibao/shared";
import type { FieldCipher } from "../privacy";
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
export function inboxMiddleware(deps: { inbox: InboxRepository; cipher: FieldCipher }): Middleware {
  return async (ctx, next) => {
    const event = ctx.event;
    const { userId } = ctx.facts;
    if (userId === "") return next();
    const appUserId = "user_id_by_app" in event ? event.user_id_by_app : undefined;
    if (isUserMessageEvent(event) || event.event_name === "follow" || event.event_name === "user_click_chatnow" || event.event_name === "user_submit_info") {
      ctx.write(async (tx) => {
        await deps.inbox.ensure(tx, userId, ctx.now);
        if (isUserMessageEvent(event)) await deps.inbox.reopen(tx, userId, ctx.now);
        if (appUserId && appUserId !== userId) await deps.inbox.setAppUserId(tx, userId, appUserId, ctx.now);
        if (event.event_name === "user_submit_info") await deps.inbox.setContact(tx, userId, sealContact(deps.cipher, { name: event.info.name, phone: event.info.phone }), ctx.now);
      });
    }
    return next();
  };
}

/** After an event committed: tell the open consoles (they refetch the list and the thread). */
export function announceEvent(deps: { inbox: InboxRepository; events: ConsoleEvents; onError: (error: unknown) => void }) {
  return (event: ZaloEvent, facts: ZaloEventFacts): void => {
    const { userId } = facts;
    if (userId === "" || event.event_name === "user_received_message" || event.event_name === "user_seen_message") return;
    void (async () => {
      const state = await deps.inbox.state(userId);
      const assigneeId = state?.assigneeId ?? null;
      if (isUserMessageEvent(event)) deps.events.publish({ type: "message", userId, direction: "in", assigneeId });
      else if (isOaEchoEvent(event)) deps.events.publish({ type: "message", userId, direction: "out", assigneeId });
      else deps.events.publish({ type: "conversation", userId, assigneeId });
    })().catch(deps.onError);
  };
}
