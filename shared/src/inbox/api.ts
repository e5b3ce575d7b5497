import { z } from "zod";

/**
 * The support inbox's API (`/api/staff/inbox/...` and the `/api/staff/events` stream): one
 * schema per request and answer, used by the server's routes, the console and the tests.
 */

/**
 * - `open`: a person owns the chat (after the bot's handoff, a take-over or a reply typed in
 *   Zalo's OA admin); the bot is silent.
 * - `pending`: the bot owns it and answers (a person may take it over).
 * - `resolved`: staff closed it and the bot answers again; when the citizen writes again it is
 *   reopened (pending with the bot, open again if the bot hands it off).
 */
export const INBOX_STATUSES = ["open", "pending", "resolved"] as const;
export const inboxStatusSchema = z.enum(INBOX_STATUSES);
export type InboxStatus = z.infer<typeof inboxStatusSchema>;

export const INBOX_VIEWS = ["mine", "unassigned", "all"] as const;
export const inboxViewSchema = z.enum(INBOX_VIEWS);
export type InboxView = z.infer<typeof inboxViewSchema>;

/** A Zalo user id: a 64-bit number kept as its digits (never a JS number). */
export const zaloUserIdSchema = z.string().regex(/^\d{1,20}$/);

export const inboxLabelSchema = z.string().trim().toLowerCase().min(1).max(24).regex(/^[\p{L}\p{N}_ -]+$/u, { error: "inbox.label_format" });

export const inboxListQuerySchema = z.object({
  view: inboxViewSchema.default("mine"),
  status: z.enum([...INBOX_STATUSES, "any"]).default("open"),
  label: inboxLabelSchema.optional(),
  /** Name, phone, receipt code or Zalo user id. */
  q: z.string().trim().max(80).optional(),
});
export type InboxListQuery = z.input<typeof inboxListQuerySchema>;

export const inboxConversationSummarySchema = z.object({
  userId: z.string(),
  status: inboxStatusSchema,
  owner: z.enum(["bot", "human"]),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  deskId: z.string().nullable(),
  /** The Zalo display name, else the name the citizen shared with the OA. */
  displayName: z.string().nullable(),
  lastMessageText: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  lastMessageDirection: z.enum(["in", "out"]).nullable(),
  /** Since when the citizen's latest messages wait for an answer (null: nothing waiting). */
  waitingSince: z.string().nullable(),
  unread: z.number().int(),
  labels: z.array(z.string()),
});
export type InboxConversationSummary = z.infer<typeof inboxConversationSummarySchema>;

export const inboxListResponseSchema = z.object({
  conversations: z.array(inboxConversationSummarySchema),
  /** Open conversations per view, for the tabs. */
  counts: z.object({ mine: z.number().int(), unassigned: z.number().int(), all: z.number().int() }),
  /** Unread messages in the open conversations this person answers (tab title). */
  unread: z.number().int(),
});
export type InboxListResponse = z.infer<typeof inboxListResponseSchema>;

export const INBOX_MESSAGE_AUTHORS = ["user", "bot", "staff", "oa_admin"] as const;
export const inboxMessageSchema = z.object({
  id: z.number().int(),
  direction: z.enum(["in", "out"]),
  author: z.enum(INBOX_MESSAGE_AUTHORS),
  /** The staff member who wrote an outgoing reply. */
  staffName: z.string().nullable(),
  kind: z.string(),
  text: z.string().nullable(),
  /** Console view of the queue: sending until Zalo answered, then sent or failed (with Zalo's reason). */
  delivery: z.enum(["received", "sending", "sent", "failed"]),
  zaloCode: z.number().int().nullable(),
  reason: z.string().nullable(),
  seen: z.boolean(),
  createdAt: z.string(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

export const inboxNoteSchema = z.object({ id: z.number().int(), authorName: z.string(), text: z.string(), createdAt: z.string() });
export type InboxNote = z.infer<typeof inboxNoteSchema>;

export const inboxThreadResponseSchema = z.object({
  conversation: inboxConversationSummarySchema.extend({ ownerSince: z.string(), lastInboundAt: z.string().nullable() }),
  messages: z.array(inboxMessageSchema),
  notes: z.array(inboxNoteSchema),
});
export type InboxThreadResponse = z.infer<typeof inboxThreadResponseSchema>;

/** Zalo's own limit for one text message is 2,000 characters; longer replies are split. */
export const inboxReplyRequestSchema = z.object({ text: z.string().trim().min(1, { error: "inbox.text_required" }).max(4_000) });
export const inboxNoteRequestSchema = z.object({ text: z.string().trim().min(1, { error: "inbox.text_required" }).max(4_000) });
export const inboxAssignRequestSchema = z.object({ assigneeId: z.string().max(64).nullable() });
export const inboxReadRequestSchema = z.object({ read: z.boolean() });
export const inboxLabelsRequestSchema = z.object({ labels: z.array(inboxLabelSchema).max(10) });
export const inboxDeskRequestSchema = z.object({ deskId: z.string().max(40).nullable() });

/** Revealing a citizen's full declaration: the reason goes into the audit log as written. */
export const inboxRevealRequestSchema = z.object({
  declarationId: z.string().min(1).max(64),
  reason: z.string().trim().min(5, { error: "inbox.reason_required" }).max(500),
});

export const inboxDeclarationSummarySchema = z.object({
  id: z.string(),
  receiptCode: z.string(),
  checkpointName: z.string(),
  direction: z.enum(["into", "out_of"]),
  issuedAt: z.string(),
  status: z.string(),
  holderNameMasked: z.string(),
  holderIdMasked: z.string(),
});
export type InboxDeclarationSummary = z.infer<typeof inboxDeclarationSummarySchema>;

export const inboxContactResponseSchema = z.object({
  userId: z.string(),
  /** The Zalo display name (OA API). */
  displayName: z.string().nullable(),
  /** The name the citizen shared with the OA (request_user_info). */
  sharedName: z.string().nullable(),
  phone: z.string().nullable(),
  following: z.boolean().nullable(),
  /** The checkpoint of the latest declaration ({diem_chot} in canned answers). */
  lastCheckpoint: z.string().nullable(),
  declarations: z.array(inboxDeclarationSummarySchema),
});
export type InboxContactResponse = z.infer<typeof inboxContactResponseSchema>;

export const inboxRevealResponseSchema = z.object({ declarationId: z.string(), record: z.record(z.string(), z.unknown()) });

export const cannedShortcutSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(32)
  .regex(/^[a-z0-9_-]+$/, { error: "inbox.shortcut_format" });
export const cannedAnswerRequestSchema = z.object({
  shortcut: cannedShortcutSchema,
  title: z.string().trim().min(1).max(80),
  body: z.string().trim().min(1).max(2_000),
});
export type CannedAnswerRequest = z.input<typeof cannedAnswerRequestSchema>;
export const cannedAnswerSchema = z.object({ id: z.number().int(), shortcut: z.string(), title: z.string(), body: z.string(), updatedAt: z.string() });
export type CannedAnswer = z.infer<typeof cannedAnswerSchema>;
export const cannedAnswerListResponseSchema = z.object({ answers: z.array(cannedAnswerSchema) });
export const cannedAnswerResponseSchema = z.object({ answer: cannedAnswerSchema });

export const inboxFaqResponseSchema = z.object({ entries: z.array(z.object({ id: z.string(), question: z.string(), answer: z.string() })) });

export const deskIdSchema = z.string().trim().toLowerCase().min(2).max(40).regex(/^[a-z0-9_-]+$/, { error: "inbox.desk_id_format" });
export const deskRequestSchema = z.object({
  id: deskIdSchema,
  name: z.string().trim().min(1).max(80),
  /** `mon-fri 07:30-17:00; sat 07:30-11:30`, in Asia/Ho_Chi_Minh. */
  hours: z.string().trim().min(1).max(200),
  outOfHoursText: z.string().trim().max(500).nullable().default(null),
  /** Checkpoints this desk serves: their declarants' chats get its hours. */
  checkpointIds: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
});
export const deskSchema = z.object({ id: z.string(), name: z.string(), hours: z.string(), outOfHoursText: z.string().nullable(), checkpointIds: z.array(z.string()) });
export type Desk = z.infer<typeof deskSchema>;
export const deskListResponseSchema = z.object({ desks: z.array(deskSchema) });

export const inboxAgentsResponseSchema = z.object({ agents: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string() })) });

/** What the `/api/staff/events` stream says; the console refetches what it shows. */
export const consoleEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), userId: z.string(), direction: z.enum(["in", "out"]) }),
  z.object({ type: z.literal("conversation"), userId: z.string() }),
  z.object({ type: z.literal("delivery"), userId: z.string(), state: z.string() }),
]);
export type ConsoleEventPayload = z.infer<typeof consoleEventSchema>;

/** `{ten}` / `{name}`: the citizen's name; `{diem_chot}` / `{checkpoint}`: their latest checkpoint. */
export function fillCannedAnswer(body: string, vars: { name: string | null; checkpoint: string | null }, fallback: { name: string; checkpoint: string }): string {
  return body.replace(/\{(ten|name|diem_chot|checkpoint)\}/g, (_whole, key: string) =>
    key === "ten" || key === "name" ? (vars.name ?? fallback.name) : (vars.checkpoint ?? fallback.checkpoint),
  );
}
