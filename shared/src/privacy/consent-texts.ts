import { CONSENT_VERSION } from "../declaration/health";
import type { Message } from "../i18n/types";

/**
 * What a citizen agrees to, per scope. One source for the mini app (which shows the text) and the
 * server (which records the version and refuses versions it does not know):
 * - `declaration`: passing the declaration to the health authorities (given by "Cam kết và gửi");
 * - `phone`: reading the phone number Zalo holds, to prefill the form;
 * - `profile`: reading the Zalo name, to prefill the form.
 * A changed text gets a new version; old versions stay listed so consents given under them can
 * still be shown and recorded.
 */
export const CONSENT_SCOPES = ["declaration", "phone", "profile"] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export interface ConsentText {
  version: string;
  title: Message;
  text: Message;
}

export const CONSENT_TEXTS: Readonly<Record<ConsentScope, readonly ConsentText[]>> = {
  declaration: [
    {
      version: CONSENT_VERSION,
      title: { vi: "Chuyển tờ khai cho cơ quan chức năng", en: "Passing the declaration to the authorities" },
      text: {
        vi: "Tôi cam kết các thông tin khai báo là đúng sự thật, và đồng ý để thông tin này được chuyển cho cơ quan y tế và cơ quan chức năng phục vụ phòng, chống dịch. Khai báo sai là vi phạm pháp luật.",
        en: "I confirm that the information declared is true, and I agree to it being passed to the health authorities and the competent authorities for epidemic control. A false declaration is against the law.",
      },
    },
  ],
  phone: [
    {
      version: "2026-11-28",
      title: { vi: "Đọc số điện thoại Zalo", en: "Reading your Zalo phone number" },
      text: {
        vi: "Tôi đồng ý để Khai báo đọc số điện thoại đăng ký Zalo của tôi, chỉ để điền sẵn vào tờ khai. Số điện thoại không được lưu riêng ngoài tờ khai.",
        en: "I agree that Khai báo reads the phone number of my Zalo account, only to prefill the declaration. The number is not stored apart from the declaration.",
      },
    },
  ],
  profile: [
    {
      version: "2026-11-28",
      title: { vi: "Đọc tên Zalo", en: "Reading your Zalo name" },
      text: {
        vi: "Tôi đồng ý để Khai báo đọc tên hiển thị Zalo của tôi, chỉ để điền sẵn họ tên vào tờ khai.",
        en: "I agree that Khai báo reads my Zalo display name, only to prefill my full name in the declaration.",
      },
    },
  ],
};

/** The text shown today for a scope (the last of its list). */
export function currentConsentText(scope: ConsentScope): ConsentText {
  const list = CONSENT_TEXTS[scope];
  return list[list.length - 1] as ConsentText;
}

export function isKnownConsentVersion(scope: ConsentScope, version: string): boolean {
  return CONSENT_TEXTS[scope].some((t) => t.version === version);
}
