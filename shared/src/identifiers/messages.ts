import type { Catalogue } from "../i18n/types";

/**
 * Messages for the identifier checks (ID numbers, phones, plates). Keys are the stable codes the
 * validators return; `{name}` placeholders are filled from the result's params.
 */
export const identifierMessages = {
  "id.empty": {
    vi: "Vui lòng nhập số giấy tờ tùy thân (CCCD, CMND hoặc hộ chiếu)",
    en: "Please enter your ID number (citizen ID card, old ID card or passport)",
  },
  "id.digits_only": {
    vi: "Số CCCD/CMND chỉ gồm các chữ số",
    en: "A citizen ID number (CCCD/CMND) contains digits only",
  },
  "id.unrecognized": {
    vi: "Số giấy tờ không đúng định dạng: CCCD gồm 12 chữ số, CMND gồm 9 chữ số, hộ chiếu gồm chữ cái và chữ số (ví dụ C1234567)",
    en: "Unrecognised ID number: a CCCD has 12 digits, a CMND 9 digits, a passport letters and digits (e.g. C1234567)",
  },

  "cccd.length": {
    vi: "Số CCCD phải có đúng 12 chữ số (bạn đã nhập {length})",
    en: "A CCCD number has exactly 12 digits (you entered {length})",
  },
  "cccd.province_unknown": {
    vi: "Ba chữ số đầu của số CCCD ({code}) không phải là mã tỉnh/thành phố hợp lệ. Vui lòng kiểm tra lại số CCCD",
    en: "The first three digits of the CCCD number ({code}) are not a valid province code. Please check the number",
  },
  "cccd.birth_year_mismatch": {
    vi: "Số CCCD này tương ứng với năm sinh {expected}, nhưng năm sinh bạn khai là {declared}. Vui lòng kiểm tra lại số CCCD hoặc ngày sinh",
    en: "This CCCD number corresponds to the birth year {expected}, but the declared year of birth is {declared}. Please check the number or the date of birth",
  },
  "cccd.gender_mismatch": {
    vi: "Số CCCD này không khớp với giới tính bạn khai (chữ số thứ 4 thể hiện giới tính). Vui lòng kiểm tra lại số CCCD hoặc giới tính",
    en: "This CCCD number does not match the declared gender (its 4th digit encodes the gender). Please check the number or the gender",
  },
  "cccd.birth_year_future": {
    vi: "Số CCCD này tương ứng với năm sinh {year}, là năm chưa tới. Vui lòng kiểm tra lại số CCCD",
    en: "This CCCD number corresponds to the birth year {year}, which is in the future. Please check the number",
  },

  "cmnd.length": {
    vi: "Số CMND phải có đúng 9 chữ số (bạn đã nhập {length})",
    en: "A CMND number has exactly 9 digits (you entered {length})",
  },
  "cmnd.expired": {
    vi: "CMND 9 số đã hết giá trị sử dụng từ 31/12/2024; vui lòng dùng số CCCD 12 số nếu có",
    en: "9-digit CMND cards are no longer valid since 31 Dec 2024; please use your 12-digit CCCD number if you have one",
  },

  "passport.format": {
    vi: "Số hộ chiếu không hợp lệ: gồm 6 đến 12 chữ cái và chữ số; hộ chiếu Việt Nam có 1 chữ cái và 7 chữ số (ví dụ C1234567)",
    en: "Invalid passport number: 6 to 12 letters and digits; Vietnamese passports have 1 letter and 7 digits (e.g. C1234567)",
  },

  "phone.empty": {
    vi: "Vui lòng nhập số điện thoại di động",
    en: "Please enter your mobile phone number",
  },
  "phone.format": {
    vi: "Số điện thoại không hợp lệ. Vui lòng nhập số di động gồm 10 chữ số, ví dụ 0912 345 678",
    en: "Not a valid phone number. Please enter a 10-digit mobile number, e.g. 0912 345 678",
  },
  "phone.landline": {
    vi: "Đây là số điện thoại cố định. Vui lòng nhập số di động, ví dụ 0912 345 678",
    en: "This is a landline number. Please enter a mobile number, e.g. 0912 345 678",
  },
  "phone.prefix_unknown": {
    vi: "Đầu số {prefix} không phải là đầu số di động Việt Nam. Vui lòng kiểm tra lại số điện thoại",
    en: "{prefix} is not a Vietnamese mobile prefix. Please check the number",
  },
  "phone.foreign": {
    vi: "Chỉ hỗ trợ số di động Việt Nam (+84). Vui lòng nhập số di động Việt Nam",
    en: "Only Vietnamese mobile numbers (+84) are supported. Please enter a Vietnamese mobile number",
  },

  "plate.format": {
    vi: "Biển số xe không hợp lệ. Ví dụ: ô tô 29A-123.45, xe máy 29-B1 123.45",
    en: "Invalid licence plate. Examples: car 29A-123.45, motorbike 29-B1 123.45",
  },
} as const satisfies Catalogue;

export type IdentifierMessageCode = keyof typeof identifierMessages;
