import type { Catalogue } from "../i18n/types";

/** Province/ward validation errors and the notes shown next to search results. */
export const addressMessages = {
  "address.province_required": { vi: "Vui lòng chọn tỉnh/thành phố", en: "Please choose a province or city" },
  "address.province_unknown": { vi: "Không tìm thấy tỉnh/thành phố này", en: "Unknown province or city" },
  "address.ward_required": { vi: "Vui lòng chọn phường/xã", en: "Please choose a ward or commune" },
  "address.ward_unknown": { vi: "Không tìm thấy phường/xã này", en: "Unknown ward or commune" },
  "address.ward_not_in_province": {
    vi: "{ward} không thuộc {province}",
    en: "{ward} is not in {province}",
  },

  "address.note_merged": {
    vi: "{old} nay thuộc {new} (từ 01/07/2025)",
    en: "{old} is now part of {new} (since 1 July 2025)",
  },
  "address.note_renamed": { vi: "{old} nay là {new}", en: "{old} is now called {new}" },
  "address.note_merged_earlier": {
    vi: "{old} đã sáp nhập vào {new} từ năm {year}",
    en: "{old} has been part of {new} since {year}",
  },
  "address.note_ward_merged": {
    vi: "{old} cũ nay thuộc {new}",
    en: "The former {old} is now part of {new}",
  },
  "address.note_ward_merged_district": {
    vi: "{old} ({district}) cũ nay thuộc {new}",
    en: "The former {old} ({district}) is now part of {new}",
  },
  "address.note_ward_in_former_district": {
    vi: "{new} gồm một phần {district} cũ",
    en: "{new} covers part of the former {district}",
  },
} as const satisfies Catalogue;

export type AddressMessageCode = keyof typeof addressMessages;
