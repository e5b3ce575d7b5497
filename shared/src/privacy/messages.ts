import type { Catalogue } from "../i18n/types";

/** Messages of consents and deletion requests. */
export const privacyMessages = {
  "consent.required": {
    vi: "Bạn cần đồng ý trước khi ứng dụng đọc thông tin này",
    en: "You need to agree before the app reads this information",
  },
  "consent.withdrawn": {
    vi: "Bạn đã rút lại sự đồng ý chuyển tờ khai. Hãy mở lại tờ khai và đồng ý để gửi",
    en: "You withdrew your consent to pass the declaration on. Open the declaration again and agree to send it",
  },
  "consent.version_unknown": { vi: "Phiên bản nội dung đồng ý không hợp lệ, hãy cập nhật ứng dụng", en: "Unknown consent text version; please update the app" },
  "consent.scope_unknown": { vi: "Loại đồng ý không hợp lệ", en: "Unknown kind of consent" },
  "consent.not_found": { vi: "Không có sự đồng ý nào đang hiệu lực để rút lại", en: "There is no active consent to withdraw" },
} as const satisfies Catalogue;
