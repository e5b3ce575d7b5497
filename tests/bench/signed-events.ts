import { createHash } from "node:crypto";
import { sampleZaloEvent } from "@khaibao/shared";
import { DEV_ZALO_APP_ID, DEV_ZALO_OA_ID, DEV_ZALO_OA_SECRET_KEY } from "../../bot-server/src/standins/zalo-oa/dev";

/** What citizens write: greetings, questions the FAQ knows, and noise the bot must still answer. */
const TEXTS = ["khai bao", "Xin chào", "gap nhan vien", "cần mang giấy tờ gì", "bluezone dùng được không", "asdfgh"];

/** Zalo user ids of the development OA's simulated citizens: 19 digits, like real ones. */
export const benchUserId = (index: number): string => String(8_100_000_000_000_000_000n + BigInt(index));

/**
 * The n-th `user_send_text` of a run, signed exactly as Zalo signs:
 * sha256_hex(appId + rawBody + timestamp + oaSecretKey). `prefix` makes the msg_ids of a run
 * its own (a msg_id seen before would be a cheaper duplicate); `user` picks who writes it.
 */
export function signedUserText(n: number, prefix: string, user: number): { body: string; signature: string } {
  const timestamp = String(Date.now());
  const event = sampleZaloEvent("user_send_text", {
    ids: { appId: DEV_ZALO_APP_ID, oaId: DEV_ZALO_OA_ID, userId: benchUserId(user) },
    timestamp,
    msgId: `${prefix}${n.toString(16).padStart(10, "0")}`,
    text: TEXTS[n % TEXTS.length]!,
  });
  const body = JSON.stringify(event);
  const mac = createHash("sha256").update(DEV_ZALO_APP_ID).update(body).update(timestamp).update(DEV_ZALO_OA_SECRET_KEY).digest("hex");
  return { body, signature: `mac=${mac}` };
}
