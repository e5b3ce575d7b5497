import { z } from "zod";
import { zaloIdSchema, zaloMessageIdSchema, zaloTimestampSchema } from "./ids";

// Zalo OA webhook events as a discriminated union on `event_name`. Parsing is lenient where Zalo
// varies (extra keys are dropped, optional fields are optional, numbers-or-strings accepted)
// and strict where we depend on a field (ids, msg_id, timestamp). Unknown event names are not
// part of the union: the webhook accepts and logs them (see `isKnownZaloEventName`).

export const USER_MESSAGE_EVENTS = [
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
] as const;

/** Echoes of what the OA sent, through our API or typed by a person in Zalo's OA admin. */
export const OA_ECHO_EVENTS = ["oa_send_text", "oa_send_image", "oa_send_gif", "oa_send_list", "oa_send_file", "oa_send_sticker"] as const;

export const OTHER_EVENTS = [
  "user_received_message",
  "user_seen_message",
  "follow",
  "unfollow",
  "user_submit_info",
  "user_click_chatnow",
  "add_user_to_tag",
  "anonymous_send_text",
] as const;

export const ZALO_EVENT_NAMES = [...USER_MESSAGE_EVENTS, ...OA_ECHO_EVENTS, ...OTHER_EVENTS] as const;
export type ZaloEventName = (typeof ZALO_EVENT_NAMES)[number];
export type UserMessageEventName = (typeof USER_MESSAGE_EVENTS)[number];
export type OaEchoEventName = (typeof OA_ECHO_EVENTS)[number];

const known = new Set<string>(ZALO_EVENT_NAMES);
export function isKnownZaloEventName(name: unknown): name is ZaloEventName {
  return typeof name === "string" && known.has(name);
}

const MAX_TEXT = 20_000;
const text = z.string().max(MAX_TEXT);
const shortText = z.string().max(2_000);
const url = z.string().max(4_000);
/** Sizes and coordinates come as strings or numbers depending on the client. */
const numberish = z.union([z.string().max(64), z.number()]);

const party = z.object({ id: zaloIdSchema });
/** In `oa_send_*` echoes of a message typed in the OA chat tool, `admin_id` names the person. */
const oaParty = z.object({ id: zaloIdSchema, admin_id: zaloIdSchema.optional() });

export const zaloAttachmentSchema = z.object({
  type: z.string().max(64),
  payload: z
    .object({
      url: url.optional(),
      thumbnail: url.optional(),
      description: text.optional(),
      name: shortText.optional(),
      size: numberish.optional(),
      checksum: shortText.optional(),
      type: shortText.optional(),
      id: numberish.optional(),
      coordinates: z.object({ latitude: numberish, longitude: numberish }).optional(),
    })
    .optional(),
});
export type ZaloAttachment = z.infer<typeof zaloAttachmentSchema>;

const common = {
  app_id: zaloIdSchema.optional(),
  user_id_by_app: zaloIdSchema.optional(),
  timestamp: zaloTimestampSchema,
};

const messageBody = z.object({
  msg_id: zaloMessageIdSchema,
  text: text.optional(),
  attachments: z.array(zaloAttachmentSchema).max(50).optional(),
  quote_msg_id: zaloMessageIdSchema.optional(),
});

export const userMessageEventSchema = z.object({
  event_name: z.enum(USER_MESSAGE_EVENTS),
  ...common,
  sender: party,
  recipient: party,
  message: messageBody,
});

/** Sender (the OA) and recipient (the user) are swapped compared with user messages. */
export const oaEchoEventSchema = z.object({
  event_name: z.enum(OA_ECHO_EVENTS),
  ...common,
  sender: oaParty,
  recipient: party,
  message: messageBody,
});

/** About a message the OA sent: sender is the OA, recipient the user. */
export const userReceivedMessageEventSchema = z.object({
  event_name: z.literal("user_received_message"),
  ...common,
  sender: party,
  recipient: party,
  message: z.object({ msg_id: zaloMessageIdSchema }),
});

export const userSeenMessageEventSchema = z.object({
  event_name: z.literal("user_seen_message"),
  ...common,
  sender: party,
  recipient: party,
  message: z.object({ msg_ids: z.array(zaloMessageIdSchema).max(500) }),
});

export const followEventSchema = z.object({
  event_name: z.enum(["follow", "unfollow"]),
  ...common,
  oa_id: zaloIdSchema,
  follower: party,
  source: shortText.optional(),
});

/** Answer to a `request_user_info` template; older and newer variants carry different fields. */
export const userSubmitInfoEventSchema = z.object({
  event_name: z.literal("user_submit_info"),
  ...common,
  oa_id: zaloIdSchema.optional(),
  sender: party,
  recipient: party.optional(),
  info: z.object({
    name: shortText.optional(),
    phone: shortText.optional(),
    address: shortText.optional(),
    city: shortText.optional(),
    district: shortText.optional(),
    ward: shortText.optional(),
    user_dob: shortText.optional(),
    gender: shortText.optional(),
    full_address: shortText.optional(),
  }),
});

/** Sent once per user, the first time they tap "Nhắn tin" (chat now) on the OA's profile. */
export const userClickChatNowEventSchema = z.object({
  event_name: z.literal("user_click_chatnow"),
  ...common,
  oa_id: zaloIdSchema,
  user_id: zaloIdSchema,
});

/** A staff member tagged users in the OA admin (or created a tag: no user_ids). */
export const addUserToTagEventSchema = z.object({
  event_name: z.literal("add_user_to_tag"),
  ...common,
  oa_id: zaloIdSchema.optional(),
  user_id: zaloIdSchema.optional(),
  tag: z.object({ name: shortText.optional(), user_ids: z.array(zaloIdSchema).max(1_000).optional() }).optional(),
});

/** A visitor without a Zalo identity for us (web chat widget); `conversation_id` addresses them. */
export const anonymousSendTextEventSchema = z.object({
  event_name: z.literal("anonymous_send_text"),
  ...common,
  sender: party,
  recipient: party,
  message: z.object({ msg_id: zaloMessageIdSchema, text: text.optional(), conversation_id: z.string().max(200).optional() }),
});

export const zaloEventSchema = z.discriminatedUnion("event_name", [
  userMessageEventSchema,
  oaEchoEventSchema,
  userReceivedMessageEventSchema,
  userSeenMessageEventSchema,
  followEventSchema,
  userSubmitInfoEventSchema,
  userClickChatNowEventSchema,
  addUserToTagEventSchema,
  anonymousSendTextEventSchema,
]);

export type ZaloEvent = z.infer<typeof zaloEventSchema>;
export type UserMessageEvent = z.infer<typeof userMessageEventSchema>;
export type OaEchoEvent = z.infer<typeof oaEchoEventSchema>;
export type UserReceivedMessageEvent = z.infer<typeof userReceivedMessageEventSchema>;
export type UserSeenMessageEvent = z.infer<typeof userSeenMessageEventSchema>;
export type FollowEvent = z.infer<typeof followEventSchema>;
export type UserSubmitInfoEvent = z.infer<typeof userSubmitInfoEventSchema>;
export type UserClickChatNowEvent = z.infer<typeof userClickChatNowEventSchema>;
export type AddUserToTagEvent = z.infer<typeof addUserToTagEventSchema>;
export type AnonymousSendTextEvent = z.infer<typeof anonymousSendTextEventSchema>;

const userMessageNames = new Set<string>(USER_MESSAGE_EVENTS);
const echoNames = new Set<string>(OA_ECHO_EVENTS);

export function isUserMessageEvent(event: ZaloEvent): event is UserMessageEvent {
  return userMessageNames.has(event.event_name);
}

export function isOaEchoEvent(event: ZaloEvent): event is OaEchoEvent {
  return echoNames.has(event.event_name);
}
