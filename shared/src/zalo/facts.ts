import type { ZaloEvent } from "./events";

/** What the webhook needs to know about any event, whatever its shape. */
export interface ZaloEventFacts {
  /**
   * The Zalo user the event is about, or "" for events about no single user (tags). Events
   * with the same userId are processed one after the other, in arrival order.
   */
  userId: string;
  /** The OA the event names, when its shape carries one (checked against ours). */
  oaId: string | undefined;
  /** `message.msg_id` where the event has one. */
  msgId: string | undefined;
  /**
   * Identifies a redelivery of the same event: `event_name:msg_id`, else
   * `event_name:user:timestamp`. The event name is part of it because a message's
   * `oa_send_*` echo and its `user_received_message` carry the same msg_id.
   */
  dedupeKey: string;
}

/**
 * Facts of an event. For delivery receipts the sender is the OA and the recipient the user;
 * with `ourOaId`, a receipt arriving the other way round is still attributed to the user.
 */
export function zaloEventFacts(event: ZaloEvent, ourOaId?: string): ZaloEventFacts {
  let userId: string;
  let oaId: string | undefined;
  let msgId: string | undefined;
  let extra = "";
  switch (event.event_name) {
    case "oa_send_text":
    case "oa_send_image":
    case "oa_send_gif":
    case "oa_send_list":
    case "oa_send_file":
    case "oa_send_sticker":
      userId = event.recipient.id;
      oaId = event.sender.id;
      msgId = event.message.msg_id;
      break;
    case "user_received_message":
    case "user_seen_message": {
      const swapped = ourOaId !== undefined && event.recipient.id === ourOaId;
      userId = swapped ? event.sender.id : event.recipient.id;
      oaId = swapped ? event.recipient.id : event.sender.id;
      msgId = event.event_name === "user_received_message" ? event.message.msg_id : undefined;
      break;
    }
    case "follow":
    case "unfollow":
      userId = event.follower.id;
      oaId = event.oa_id;
      break;
    case "user_submit_info":
      userId = event.sender.id;
      oaId = event.oa_id ?? event.recipient?.id;
      break;
    case "user_click_chatnow":
      userId = event.user_id;
      oaId = event.oa_id;
      break;
    case "add_user_to_tag":
      userId = event.user_id ?? "";
      oaId = event.oa_id;
      extra = `:${event.tag?.name ?? ""}`;
      break;
    default:
      // user_send_* and anonymous_send_text
      userId = event.sender.id;
      oaId = event.recipient.id;
      msgId = event.message.msg_id;
  }
  const dedupeKey = msgId !== undefined ? `${event.event_name}:${msgId}` : `${event.event_name}:${userId}:${event.timestamp}${extra}`;
  return { userId, oaId, msgId, dedupeKey };
}
