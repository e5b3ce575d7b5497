import { z } from "zod";

// What our side sends to a Zalo user through the OA: the bot's replies, staff replies later.
// Stored as JSON in the outbound queue, so the schema is also how a stored message is read back.

/** Zalo's limit on one text message; longer texts are split before they are queued. */
export const OA_TEXT_MAX = 2_000;
/** Buttons in one message (Zalo shows about five; unverified beyond that). */
export const OA_MAX_BUTTONS = 5;
/** Longest text the bot may hand over in one message (split into several sends). */
export const OUTGOING_TEXT_MAX = 20_000;

const title = z.string().trim().min(1).max(100);

export const oaButtonSchema = z.discriminatedUnion("type", [
  /** Opens a web page, or our Mini App when the URL is `https://zalo.me/s/<miniAppId>/...`. */
  z.object({ type: z.literal("open_url"), title, url: z.url({ protocol: /^https$/ }).max(2_000) }),
  /**
   * Sends `payload` back as the user's own text (`user_send_text`); `hide` hides the buttons
   * afterwards (`oa.query.hide`). Payloads start with `#` so they never collide with free text.
   */
  z.object({ type: z.literal("query"), title, payload: z.string().regex(/^#[^\s]/).max(1_000), hide: z.boolean().optional() }),
  z.object({ type: z.literal("phone"), title, phone: z.string().regex(/^\+?\d{3,15}$/) }),
]);
export type OaButton = z.infer<typeof oaButtonSchema>;

export const outgoingImageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("url"), url: z.url({ protocol: /^https?$/ }).max(2_000) }),
  /** A picture we made (a QR code): uploaded to Zalo first, then sent by its attachment id. */
  z.object({ kind: z.literal("png"), base64: z.string().min(1).max(1_500_000) }),
  z.object({ kind: z.literal("attachment"), attachmentId: z.string().min(1).max(200) }),
]);
export type OutgoingImage = z.infer<typeof outgoingImageSchema>;

export const outgoingMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().min(1).max(OUTGOING_TEXT_MAX), quoteMessageId: z.string().max(128).optional() }),
  z.object({
    type: z.literal("buttons"),
    text: z.string().min(1).max(OUTGOING_TEXT_MAX),
    buttons: z.array(oaButtonSchema).min(1).max(OA_MAX_BUTTONS),
  }),
  z.object({ type: z.literal("image"), image: outgoingImageSchema, text: z.string().max(OA_TEXT_MAX).optional() }),
  /** Zalo's form asking the user to share name, phone and address; the answer is `user_submit_info`. */
  z.object({
    type: z.literal("request_user_info"),
    title: z.string().min(1).max(100),
    subtitle: z.string().min(1).max(500),
    imageUrl: z.url({ protocol: /^https?$/ }).max(2_000),
  }),
]);
export type OutgoingMessage = z.infer<typeof outgoingMessageSchema>;

/** `https://zalo.me/s/<miniAppId>/` plus an optional path and query, e.g. `?checkpoint=HN-PHAPVAN`. */
export function miniAppUrl(miniAppId: string, pathAndQuery = ""): string {
  const rest = pathAndQuery.replace(/^\/+/, "");
  return `https://zalo.me/s/${encodeURIComponent(miniAppId)}/${rest}`;
}

export function miniAppButton(title: string, miniAppId: string, pathAndQuery = ""): OaButton {
  return { type: "open_url", title, url: miniAppUrl(miniAppId, pathAndQuery) };
}

/** A quick-reply button; `action` and `arg` come back as the text `#action:arg`. */
export function queryButton(title: string, action: string, arg?: string, hide = false): OaButton {
  return { type: "query", title, payload: buttonPayload(action, arg), ...(hide ? { hide } : {}) };
}

const ACTION = /^[a-z][a-z0-9_.-]{0,63}$/;

export function buttonPayload(action: string, arg?: string): string {
  if (!ACTION.test(action)) throw new Error(`invalid button action: ${action}`);
  return arg === undefined ? `#${action}` : `#${action}:${arg}`;
}

/** The action of a tapped query button, or undefined for free text (which never starts with `#action`). */
export function parseButtonPayload(text: string): { action: string; arg: string | undefined } | undefined {
  const m = /^#([a-z][a-z0-9_.-]{0,63})(?::([\s\S]*))?$/.exec(text.trim());
  if (!m?.[1]) return undefined;
  return { action: m[1], arg: m[2] };
}
