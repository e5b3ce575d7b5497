import type { OutgoingMessage } from "@khaibao/shared";
import type { Queryable } from "../storage";
import type { OutboundRepository } from "../zalo/oa/outbox/repository";
import { textOf } from "../zalo/oa/outbox/sendable";
import type { OutboundTransition } from "../zalo/oa/outbox/worker";
import type { ConversationRepository } from "./repository";
import type { MessageAuthor } from "./types";

/**
 * Queues messages to a user and records them in the conversation, in the caller's transaction:
 * one outbound row per Zalo message (long texts split), each with its conversation copy.
 */
export async function queueMessages(
  tx: Queryable,
  deps: { outbound: OutboundRepository; conversations: ConversationRepository },
  input: { userId: string; messages: readonly OutgoingMessage[]; author: Exclude<MessageAuthor, "user" | "oa_admin">; now: Date },
): Promise<number[]> {
  const rows = await deps.outbound.enqueue(tx, input.userId, input.messages, input.now);
  for (const row of rows) {
    await deps.conversations.recordOutbound(tx, {
      userId: input.userId,
      author: input.author,
      kind: row.message.type,
      text: textOf(row.message),
      payload: row.message.type === "buttons" ? { buttons: row.message.buttons } : row.message.type === "image" ? { image: row.message.image.kind } : undefined,
      state: "queued",
      outboxId: row.id,
      at: input.now,
    });
  }
  return rows.map((r) => r.id);
}

/** The outbound worker's verdict, mirrored onto the conversation's copy (same transaction). */
export function mirrorOutboundTransition(conversations: ConversationRepository, now: () => Date) {
  return (tx: Queryable, change: OutboundTransition) =>
    conversations.updateOutbound(tx, change.outboxId, { state: change.state, zaloMsgId: change.zaloMessageId, zaloCode: change.zaloCode, reason: change.reason, at: now() });
}
