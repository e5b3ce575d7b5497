import { isOaEchoEvent, isUserMessageEvent, type OutgoingMessage, type ZaloEvent } from "@khaibao/shared";
import type { Queryable } from "../storage";
import { DeferEvent, type Middleware } from "../webhook/pipeline/context";
import type { OutboundRepository } from "../zalo/oa/outbox/repository";
import type { Bot } from "./bot";
import type { ConversationRepository } from "./repository";
import type { Conversation } from "./types";

export interface ConversationHandlersOptions {
  conversations: ConversationRepository;
  outbound: OutboundRepository;
  bot: Bot;
  /** How long an echo waits for our own send to the same user to finish (default 90 s). */
  echoWaitMs?: number;
  /** How soon such an echo is looked at again (default 300 ms). */
  echoRetryMs?: number;
  /** How far back an echo may confirm a send whose outcome we did not learn (default 15 min). */
  unconfirmedWindowMs?: number;
}

/** Events the bot is asked about (while it owns the conversation). */
const BOT_EVENTS = new Set<ZaloEvent["event_name"]>([
  "user_send_text",
  "user_send_image",
  "user_send_link",
  "user_send_audio",
  "user_send_video",
  "user_send_sticker",
  "user_send_gif",
  "user_send_location",
  "user_send_file",
  "user_send_business_card",
  "follow",
  "user_click_chatnow",
  "user_submit_info",
]);

const attachmentsOf = (e: { message: { attachments?: unknown[] | undefined; quote_msg_id?: string | undefined } }) =>
  e.message.attachments || e.message.quote_msg_id ? { attachments: e.message.attachments, quoteMsgId: e.message.quote_msg_id } : undefined;

/**
 * The default pipeline: what every event means for the conversation, then the bot.
 * - `oa_send_*` echoes: ours (by message id, or by text for a send whose answer we never got)
 *   are confirmed; anyone else's is a person replying from Zalo's OA admin: recorded, and the
 *   conversation passes to a human so the bot stays quiet.
 * - delivery receipts mark our messages delivered / seen;
 * - user messages, follows, chat-now taps and submitted info are recorded;
 * - finally, if the bot owns the conversation, it is asked for replies.
 */
export function conversationMiddleware(opts: ConversationHandlersOptions): Middleware[] {
  const { conversations, outbound, bot } = opts;
  const echoWaitMs = opts.echoWaitMs ?? 90_000;
  const echoRetryMs = opts.echoRetryMs ?? 300;
  const unconfirmedWindowMs = opts.unconfirmedWindowMs ?? 15 * 60_000;

  const echoes: Middleware = async (ctx, next) => {
    const event = ctx.event;
    if (!isOaEchoEvent(event)) return next();
    const { userId } = ctx.facts;
    const msgId = event.message.msg_id;
    let ours = await outbound.findByZaloMessageId(msgId);
    if (!ours && (await outbound.hasSending(userId))) {
      // Zalo's echo can overtake the answer to our own send: wait until that send is recorded.
      if (ctx.now.getTime() - ctx.receivedAt.getTime() < echoWaitMs) ctx.defer(echoRetryMs, "own send to this user in flight");
    }
    ours ??= await outbound.findByZaloMessageId(msgId);
    if (ours) {
      ctx.state.echo = "ours";
      return;
    }
    const text = event.message.text;
    if (text !== undefined) {
      const unconfirmed = await outbound.findUnconfirmedText(userId, text, new Date(ctx.now.getTime() - unconfirmedWindowMs));
      if (unconfirmed) {
        ctx.state.echo = "ours";
        ctx.write(async (tx) => {
          if (await outbound.confirmByEcho(tx, unconfirmed.id, msgId, ctx.now)) {
            await conversations.updateOutbound(tx, unconfirmed.id, { state: "sent", zaloMsgId: msgId, zaloCode: null, reason: null, at: ctx.now });
          }
        });
        return;
      }
    }
    ctx.state.echo = "human";
    ctx.write(async (tx) => {
      await conversations.recordOutbound(tx, {
        userId,
        author: "oa_admin",
        kind: event.event_name.slice("oa_send_".length),
        text: text ?? null,
        payload: attachmentsOf(event),
        zaloMsgId: msgId,
        state: "sent",
        at: ctx.now,
      });
      await conversations.setOwner(tx, userId, "human", "oa_admin_reply", ctx.now);
    });
    ctx.logger.info({ eventName: event.event_name }, "a person replied from Zalo's OA admin: the bot steps back");
  };

  const receipts: Middleware = async (ctx, next) => {
    const event = ctx.event;
    if (event.event_name === "user_received_message") {
      ctx.write((tx) => conversations.markDelivered(tx, [event.message.msg_id], ctx.now));
      return;
    }
    if (event.event_name === "user_seen_message") {
      ctx.write((tx) => conversations.markSeen(tx, event.message.msg_ids, ctx.now));
      return;
    }
    return next();
  };

  const record: Middleware = async (ctx, next) => {
    const event = ctx.event;
    const { userId } = ctx.facts;
    const inboxId = ctx.inboxId;
    let write: ((tx: Queryable) => Promise<unknown>) | undefined;
    if (isUserMessageEvent(event)) {
      write = (tx) =>
        conversations.recordInbound(tx, {
          userId,
          kind: event.event_name.slice("user_send_".length),
          text: event.message.text ?? null,
          payload: attachmentsOf(event),
          zaloMsgId: event.message.msg_id,
          inboxId,
          at: ctx.now,
        });
    } else if (event.event_name === "anonymous_send_text") {
      write = (tx) =>
        conversations.recordInbound(tx, { userId, kind: "anonymous_text", text: event.message.text ?? null, zaloMsgId: event.message.msg_id, inboxId, at: ctx.now });
    } else if (event.event_name === "user_submit_info") {
      // Which fields were shared, not their values: the values are personal data and stay in the
      // stored event for whoever handles them.
      const shared = Object.entries(event.info).filter(([, v]) => v !== undefined && v !== "").map(([k]) => k);
      write = (tx) => conversations.recordInbound(tx, { userId, kind: "submit_info", text: null, payload: { fields: shared }, zaloMsgId: null, inboxId, at: ctx.now });
    } else if (event.event_name === "follow" || event.event_name === "unfollow") {
      const following = event.event_name === "follow";
      write = async (tx) => {
        await conversations.setFollowing(tx, userId, following, ctx.now);
        await conversations.recordInbound(tx, { userId, kind: event.event_name, text: null, zaloMsgId: null, inboxId, at: ctx.now });
      };
    } else if (event.event_name === "user_click_chatnow") {
      write = (tx) => conversations.recordInbound(tx, { userId, kind: "click_chatnow", text: null, zaloMsgId: null, inboxId, at: ctx.now });
    }
    if (write) {
      const w = write;
      ctx.write(async (tx) => {
        await w(tx);
      });
    }
    return next();
  };

  const handToBot: Middleware = async (ctx, next) => {
    const event = ctx.event;
    const { userId } = ctx.facts;
    if (userId !== "" && BOT_EVENTS.has(event.event_name)) {
      const conversation: Conversation = ctx.conversation ?? {
        userId,
        owner: "bot",
        ownerSince: ctx.now.toISOString(),
        ownerReason: null,
        following: null,
        lastInboundAt: null,
        createdAt: ctx.now.toISOString(),
      };
      if (conversation.owner === "bot") {
        // Who owns the chat is checked again inside the commit, with the row locked: a person
        // who took it over after it was read wins, and the event runs again without the bot.
        ctx.write(async (tx) => {
          if ((await conversations.lockOwner(tx, userId)) === "human") throw new DeferEvent(0, "a person took the conversation over");
        });
        const replies: OutgoingMessage[] = await bot.handle(event, conversation, {
          handOff: (reason) => ctx.write(async (tx) => void (await conversations.setOwner(tx, userId, "human", reason, ctx.now))),
        });
        if (replies.length > 0) ctx.reply(...replies);
      }
    }
    return next();
  };

  return [echoes, receipts, record, handToBot];
}
