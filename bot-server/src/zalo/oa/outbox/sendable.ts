import { OA_TEXT_MAX, type OutgoingMessage } from "@khaibao/shared";
import { splitText } from "../split-text";

/**
 * One Zalo message per outbound row: long texts become several rows (sent in order), and a
 * long text with buttons becomes leading texts plus the buttons on the last piece. A row is then
 * sent by exactly one API call, so a failure never re-sends pieces that already went out.
 */
export function toSendable(messages: readonly OutgoingMessage[]): OutgoingMessage[] {
  const out: OutgoingMessage[] = [];
  for (const m of messages) {
    if ((m.type === "text" || m.type === "buttons") && m.text.length > OA_TEXT_MAX) {
      const pieces = splitText(m.text, OA_TEXT_MAX);
      pieces.forEach((text, i) => {
        const last = i === pieces.length - 1;
        if (m.type === "buttons" && last) out.push({ type: "buttons", text, buttons: m.buttons });
        else out.push({ type: "text", text, ...(m.type === "text" && i === 0 && m.quoteMessageId ? { quoteMessageId: m.quoteMessageId } : {}) });
      });
    } else {
      out.push(m);
    }
  }
  return out;
}

/** Text a conversation shows for a message (images and forms have none of their own). */
export function textOf(m: OutgoingMessage): string | null {
  switch (m.type) {
    case "text":
    case "buttons":
      return m.text;
    case "image":
      return m.text ?? null;
    case "request_user_info":
      return m.title;
  }
}
