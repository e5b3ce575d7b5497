import type { ZaloEventName } from "./events";

// Real-shaped webhook payloads (fields, order and string ids as Zalo's documentation shows
// them), for tests of every package, the OA stand-in's echoes and the dev chat simulator.

export interface SampleIds {
  appId: string;
  oaId: string;
  userId: string;
  userIdByApp: string;
}

/** The ids of Zalo's own documentation examples; the user id is above 2^53. */
export const SAMPLE_ZALO_IDS: SampleIds = {
  appId: "360846524940903967",
  oaId: "388613280878808645",
  userId: "2468458835296197922",
  userIdByApp: "552177279717587730",
};

export interface SampleOptions {
  ids?: Partial<SampleIds>;
  /** Milliseconds as Zalo sends them (a string); default a fixed instant. */
  timestamp?: string;
  msgId?: string;
  text?: string;
  /** For delivery receipts: the OA message(s) concerned. */
  msgIds?: string[];
}

const DEFAULT_TIMESTAMP = "1764316800000"; // 2025-11-28T08:00:00Z

function attachmentFor(name: ZaloEventName): Record<string, unknown>[] | undefined {
  switch (name) {
    case "user_send_image":
    case "oa_send_image":
      return [{ payload: { thumbnail: "https://photo-stal-1.zadn.vn/thumb.jpg", url: "https://photo-stal-1.zadn.vn/full.jpg" }, type: "image" }];
    case "user_send_gif":
    case "oa_send_gif":
      return [{ payload: { thumbnail: "https://photo-stal-1.zadn.vn/gif-thumb.jpg", url: "https://photo-stal-1.zadn.vn/anim.gif" }, type: "gif" }];
    case "user_send_link":
      return [{ payload: { thumbnail: "https://example.vn/og.jpg", description: "Hướng dẫn khai báo", url: "https://example.vn/huong-dan" }, type: "link" }];
    case "user_send_audio":
      return [{ payload: { url: "https://voice-stal.zadn.vn/voice.amr" }, type: "audio" }];
    case "user_send_video":
      return [{ payload: { url: "https://video-stal.zadn.vn/clip.mp4", thumbnail: "https://video-stal.zadn.vn/clip.jpg", description: "" }, type: "video" }];
    case "user_send_sticker":
    case "oa_send_sticker":
      return [{ payload: { id: "9b3a5b2e6c2b8575dd3a", url: "https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=46991" }, type: "sticker" }];
    case "user_send_location":
      return [{ payload: { coordinates: { latitude: "20.9614", longitude: "105.8435" } }, type: "location" }];
    case "user_send_file":
    case "oa_send_file":
      return [{ payload: { size: "20864", name: "giay-xac-nhan.pdf", checksum: "9d4a6f1a5c8b4fce0b3f0d2ad0e6f4a1", type: "pdf", url: "https://f20-zpc.zdn.vn/file.pdf" }, type: "file" }];
    case "user_send_business_card":
      return [{ payload: { thumbnail: "https://s120-ava-talk.zadn.vn/avatar.jpg", description: '{"qrCodeUrl":"https://zalo.me/g/qr","phone":"84912345678"}', url: "https://zalo.me/g/qr" }, type: "link" }];
    case "oa_send_list":
      return [{ payload: { zinstant_id: "", text: "Khai báo ngay", link_url: "https://zalo.me/s/1234/", checksum: "" }, type: "template" }];
    default:
      return undefined;
  }
}

/** One event as Zalo would POST it (before JSON.stringify), for any event name we know. */
export function sampleZaloEvent(name: ZaloEventName, opts: SampleOptions = {}): Record<string, unknown> {
  const ids = { ...SAMPLE_ZALO_IDS, ...opts.ids };
  const timestamp = opts.timestamp ?? DEFAULT_TIMESTAMP;
  const msgId = opts.msgId ?? `${name.replace(/_/g, "").slice(0, 8)}${timestamp}`;
  const user = { id: ids.userId };
  const oa = { id: ids.oaId };
  if (name.startsWith("user_send_")) {
    const attachments = attachmentFor(name);
    const message: Record<string, unknown> = { msg_id: msgId };
    if (name === "user_send_text") message.text = opts.text ?? "Cho tôi hỏi cách khai báo";
    else if (opts.text !== undefined) message.text = opts.text;
    if (attachments) message.attachments = attachments;
    return { app_id: ids.appId, sender: user, user_id_by_app: ids.userIdByApp, recipient: oa, event_name: name, message, timestamp };
  }
  if (name.startsWith("oa_send_")) {
    const attachments = attachmentFor(name);
    const message: Record<string, unknown> = { msg_id: msgId };
    if (name === "oa_send_text") message.text = opts.text ?? "Chào bạn";
    if (attachments) message.attachments = attachments;
    return { app_id: ids.appId, sender: oa, user_id_by_app: ids.userIdByApp, recipient: user, event_name: name, message, timestamp };
  }
  switch (name) {
    case "user_received_message":
      return { event_name: name, app_id: ids.appId, sender: oa, recipient: user, message: { msg_id: opts.msgIds?.[0] ?? msgId }, timestamp };
    case "user_seen_message":
      return { event_name: name, app_id: ids.appId, sender: oa, recipient: user, message: { msg_ids: opts.msgIds ?? [msgId] }, timestamp };
    case "follow":
    case "unfollow":
      return { oa_id: ids.oaId, follower: user, user_id_by_app: ids.userIdByApp, event_name: name, source: "oa_profile", app_id: ids.appId, timestamp };
    case "user_submit_info":
      return {
        app_id: ids.appId,
        oa_id: ids.oaId,
        user_id_by_app: ids.userIdByApp,
        event_name: name,
        timestamp,
        sender: user,
        recipient: oa,
        info: { name: "Nguyễn Văn An", phone: "84912345678", address: "12 Phố Đội Cấn", city: "Hà Nội", district: "Ba Đình", ward: "Phường Ngọc Hà" },
      };
    case "user_click_chatnow":
      return { oa_id: ids.oaId, user_id: ids.userId, user_id_by_app: ids.userIdByApp, event_name: name, app_id: ids.appId, timestamp };
    case "add_user_to_tag":
      return { app_id: ids.appId, oa_id: ids.oaId, event_name: name, timestamp, tag: { name: "can-ho-tro", user_ids: [ids.userId] } };
    case "anonymous_send_text":
      return {
        app_id: ids.appId,
        sender: { id: "a1b2c3d4e5f60718" },
        recipient: oa,
        event_name: name,
        message: { text: opts.text ?? "Xin chào", msg_id: msgId, conversation_id: "anon-conv-1" },
        timestamp,
      };
    default:
      throw new Error(`no sample for ${name}`);
  }
}
