import type { Catalogue } from "../i18n/types";

/** Error codes of the Zalo OA webhook, answered to Zalo (or to whoever forged a request). */
export const zaloMessages = {
  "zalo.webhook_signature_invalid": { vi: "Chữ ký sự kiện Zalo không hợp lệ", en: "Invalid Zalo event signature" },
  "zalo.webhook_app_mismatch": { vi: "Sự kiện không dành cho ứng dụng này", en: "The event is not for this app" },
  "zalo.webhook_payload_invalid": { vi: "Nội dung sự kiện Zalo không hợp lệ", en: "Invalid Zalo event payload" },
  "zalo.id_unsafe_number": { vi: "Mã Zalo phải được gửi dạng chuỗi", en: "Zalo ids must be sent as strings" },
} as const satisfies Catalogue;
