// What the simulator shows of the OA's sent messages: the Zalo API JSON the stand-in received,
// reduced to text and buttons. Buttons to our own mini app become links to the local preview.

export interface SimButton {
  title: string;
  /** `link` opens a page (oa.open.url); `reply` sends its payload back as the user's text. */
  kind: "link" | "reply" | "phone";
  value: string;
}

export interface SimMessage {
  id: string;
  at: number;
  text: string;
  buttons: SimButton[];
}

interface StandinMessage {
  messageId: string;
  at: number;
  message: { text?: unknown; attachment?: { payload?: { template_type?: unknown; buttons?: unknown; elements?: unknown } } };
}

/** `https://zalo.me/s/<miniAppId>/rest` -> `/app/rest`: in a browser on this machine the preview stands in for Zalo. */
export function localPreviewUrl(url: string, miniAppId: string): string {
  const prefix = `https://zalo.me/s/${miniAppId}/`;
  return url.startsWith(prefix) ? `/app/${url.slice(prefix.length)}` : url;
}

export function toSimMessage(m: StandinMessage, miniAppId: string): SimMessage {
  const payload = m.message.attachment?.payload;
  let text = typeof m.message.text === "string" ? m.message.text : "";
  if (payload?.template_type === "media") text ||= "[hình ảnh]";
  if (payload?.template_type === "request_user_info") text ||= "[yêu cầu chia sẻ thông tin]";
  const buttons: SimButton[] = [];
  for (const b of Array.isArray(payload?.buttons) ? (payload.buttons as Array<Record<string, unknown>>) : []) {
    const title = typeof b.title === "string" ? b.title : "";
    const p = b.payload as unknown;
    if (b.type === "oa.open.url" && typeof (p as { url?: unknown })?.url === "string") {
      buttons.push({ title, kind: "link", value: localPreviewUrl((p as { url: string }).url, miniAppId) });
    } else if ((b.type === "oa.query.show" || b.type === "oa.query.hide") && typeof p === "string") {
      buttons.push({ title, kind: "reply", value: p });
    } else if (b.type === "oa.open.phone") {
      buttons.push({ title, kind: "phone", value: String((p as { phone_code?: unknown })?.phone_code ?? "") });
    }
  }
  return { id: m.messageId, at: m.at, text, buttons };
}
