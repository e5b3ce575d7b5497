import type { Queryable } from "../storage";
import type { Conversation, ConversationMessage, ConversationOwner, MessageAuthor, MessageState } from "./types";

interface ConversationRow {
  user_id: string;
  owner: ConversationOwner;
  owner_since: string;
  owner_reason: string | null;
  following: number | null;
  last_inbound_at: string | null;
  created_at: string;
}

interface MessageRow {
  id: number | string;
  user_id: string;
  direction: "in" | "out";
  author: MessageAuthor;
  kind: string;
  text: string | null;
  payload: string | null;
  zalo_msg_id: string | null;
  state: MessageState;
  zalo_code: number | null;
  reason: string | null;
  outbox_id: number | string | null;
  delivered_at: string | null;
  seen_at: string | null;
  created_at: string;
}

export interface InboundMessage {
  userId: string;
  kind: string;
  text: string | null;
  payload?: unknown;
  zaloMsgId: string | null;
  inboxId?: number | null;
  at: Date;
}

export interface OutboundMessage {
  userId: string;
  author: Exclude<MessageAuthor, "user">;
  kind: string;
  text: string | null;
  payload?: unknown;
  state: MessageState;
  outboxId?: number | null;
  zaloMsgId?: string | null;
  at: Date;
}

/** PostgreSQL TEXT cannot hold NUL; nothing a person reads needs it. */
const clean = (s: string | null): string | null => (s === null ? null : s.replaceAll("\u0000", ""));

function toConversation(r: ConversationRow): Conversation {
  return {
    userId: r.user_id,
    owner: r.owner,
    ownerSince: r.owner_since,
    ownerReason: r.owner_reason,
    following: r.following === null ? null : Number(r.following) === 1,
    lastInboundAt: r.last_inbound_at,
    createdAt: r.created_at,
  };
}

function toMessage(r: MessageRow): ConversationMessage {
  let payload: unknown = null;
  if (r.payload !== null) {
    try {
      payload = JSON.parse(r.payload);
    } catch {
      payload = null;
    }
  }
  return {
    id: Number(r.id),
    userId: r.user_id,
    direction: r.direction,
    author: r.author,
    kind: r.kind,
    text: r.text,
    payload,
    zaloMsgId: r.zalo_msg_id,
    state: r.state,
    zaloCode: r.zalo_code === null ? null : Number(r.zalo_code),
    reason: r.reason,
    outboxId: r.outbox_id === null ? null : Number(r.outbox_id),
    deliveredAt: r.delivered_at,
    seenAt: r.seen_at,
    createdAt: r.created_at,
  };
}

/**
 * Conversations with Zalo users: who owns each one and its messages both ways. Writers take a
 * `Queryable` so they run inside the transaction that completes a webhook event or records a
 * send's outcome. Every write is idempotent where an event can be redelivered (msg ids are unique).
 */
export class ConversationRepository {
  constructor(private readonly db: Queryable) {}

  async get(userId: string): Promise<Conversation | undefined> {
    const row = await this.db.get<ConversationRow>(
      "SELECT user_id, owner, owner_since, owner_reason, following, last_inbound_at, created_at FROM zalo_conversations WHERE user_id = $1",
      [userId],
    );
    return row ? toConversation(row) : undefined;
  }

  /**
   * The owner as committed, holding the row until the transaction ends (PostgreSQL; SQLite's
   * writer lock already serialises): the bot's replies and a take-over cannot interleave.
   */
  async lockOwner(tx: Queryable, userId: string): Promise<ConversationOwner | undefined> {
    const lock = tx.dialect === "postgres" ? " FOR UPDATE" : "";
    const row = await tx.get<{ owner: ConversationOwner }>(`SELECT owner FROM zalo_conversations WHERE user_id = $1${lock}`, [userId]);
    return row?.owner;
  }

  /** The conversation, created owned by the bot if this is the user's first event. */
  async ensure(q: Queryable, userId: string, now: Date): Promise<void> {
    await q.run(
      `INSERT INTO zalo_conversations (user_id, owner, owner_since, created_at, updated_at) VALUES ($1, 'bot', $2, $2, $2)
       ON CONFLICT (user_id) DO NOTHING`,
      [userId, now],
    );
  }

  /** True when the owner changed. */
  async setOwner(q: Queryable, userId: string, owner: ConversationOwner, reason: string, now: Date): Promise<boolean> {
    await this.ensure(q, userId, now);
    const { changes } = await q.run(
      "UPDATE zalo_conversations SET owner = $2, owner_since = $3, owner_reason = $4, updated_at = $3 WHERE user_id = $1 AND owner <> $2",
      [userId, owner, now, reason],
    );
    return changes > 0;
  }

  async setFollowing(q: Queryable, userId: string, following: boolean, now: Date): Promise<void> {
    await this.ensure(q, userId, now);
    await q.run("UPDATE zalo_conversations SET following = $2, updated_at = $3 WHERE user_id = $1", [userId, following, now]);
  }

  /** Records what the user sent; "duplicate" when this msg id is already recorded. */
  async recordInbound(q: Queryable, m: InboundMessage): Promise<"recorded" | "duplicate"> {
    await this.ensure(q, m.userId, m.at);
    const { changes } = await q.run(
      `INSERT INTO zalo_conversation_messages (user_id, direction, author, kind, text, payload, zalo_msg_id, state, inbox_id, created_at, updated_at)
       VALUES ($1, 'in', 'user', $2, $3, $4, $5, 'received', $6, $7, $7)
       ON CONFLICT (zalo_msg_id) DO NOTHING`,
      [m.userId, m.kind, clean(m.text), m.payload === undefined ? null : clean(JSON.stringify(m.payload)), m.zaloMsgId, m.inboxId ?? null, m.at],
    );
    // Keep the latest interaction even for a redelivery (it is the same instant).
    await q.run(
      "UPDATE zalo_conversations SET last_inbound_at = $2, updated_at = $2 WHERE user_id = $1 AND (last_inbound_at IS NULL OR last_inbound_at < $2)",
      [m.userId, m.at],
    );
    return changes > 0 ? "recorded" : "duplicate";
  }

  /** Records a message to the user (queued by us, or seen as the echo of a person's reply). */
  async recordOutbound(q: Queryable, m: OutboundMessage): Promise<void> {
    await this.ensure(q, m.userId, m.at);
    await q.run(
      `INSERT INTO zalo_conversation_messages (user_id, direction, author, kind, text, payload, zalo_msg_id, state, outbox_id, created_at, updated_at)
       VALUES ($1, 'out', $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (zalo_msg_id) DO NOTHING`,
      [m.userId, m.author, m.kind, clean(m.text), m.payload === undefined ? null : clean(JSON.stringify(m.payload)), m.zaloMsgId ?? null, m.state, m.outboxId ?? null, m.at],
    );
  }

  /** The outbound queue's verdict on one of our messages. */
  async updateOutbound(q: Queryable, outboxId: number, change: { state: MessageState; zaloMsgId: string | null; zaloCode: number | null; reason: string | null; at: Date }): Promise<void> {
    await q.run(
      "UPDATE zalo_conversation_messages SET state = $2, zalo_msg_id = COALESCE($3, zalo_msg_id), zalo_code = $4, reason = $5, updated_at = $6 WHERE outbox_id = $1",
      [outboxId, change.state, change.zaloMsgId, change.zaloCode, change.reason, change.at],
    );
  }

  /** Delivery receipts only move forward: a late "received" never undoes "seen". */
  async markDelivered(q: Queryable, zaloMsgIds: readonly string[], at: Date): Promise<void> {
    for (const id of zaloMsgIds) {
      await q.run("UPDATE zalo_conversation_messages SET delivered_at = $2, updated_at = $2 WHERE zalo_msg_id = $1 AND delivered_at IS NULL", [id, at]);
    }
  }

  async markSeen(q: Queryable, zaloMsgIds: readonly string[], at: Date): Promise<void> {
    for (const id of zaloMsgIds) {
      await q.run(
        "UPDATE zalo_conversation_messages SET seen_at = $2, delivered_at = COALESCE(delivered_at, $2), updated_at = $2 WHERE zalo_msg_id = $1 AND seen_at IS NULL",
        [id, at],
      );
    }
  }

  /** The latest messages, oldest first. */
  async messages(userId: string, limit = 100): Promise<ConversationMessage[]> {
    const rows = await this.db.all<MessageRow>(
      `SELECT id, user_id, direction, author, kind, text, payload, zalo_msg_id, state, zalo_code, reason, outbox_id, delivered_at, seen_at, created_at
         FROM zalo_conversation_messages WHERE user_id = $1 ORDER BY id DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map(toMessage).reverse();
  }
}
