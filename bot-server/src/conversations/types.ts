/** Who answers a citizen's chat: the bot, or a person (support staff, or someone in Zalo's OA admin). */
export type ConversationOwner = "bot" | "human";

export interface Conversation {
  /** The citizen's Zalo user id (a 64-bit number as text). */
  userId: string;
  owner: ConversationOwner;
  ownerSince: string;
  /** Why the owner last changed, e.g. `oa_admin_reply`. */
  ownerReason: string | null;
  /** Follows the OA (true), unfollowed (false), or not known. */
  following: boolean | null;
  /** Last time the citizen wrote: Zalo allows customer-service messages for 7 days after it. */
  lastInboundAt: string | null;
  createdAt: string;
}

/** `oa_admin`: typed by a person in Zalo's own OA admin, seen only through its echo. */
export type MessageAuthor = "user" | "bot" | "staff" | "oa_admin";
export type MessageState = "received" | "queued" | "sending" | "sent" | "failed" | "undeliverable";

export interface ConversationMessage {
  id: number;
  userId: string;
  direction: "in" | "out";
  author: MessageAuthor;
  /** The event's kind for inbound (`text`, `image`, `sticker`, `submit_info`, ...), the message type for outbound. */
  kind: string;
  text: string | null;
  payload: unknown;
  zaloMsgId: string | null;
  state: MessageState;
  zaloCode: number | null;
  reason: string | null;
  outboxId: number | null;
  deliveredAt: string | null;
  seenAt: string | null;
  createdAt: string;
}
