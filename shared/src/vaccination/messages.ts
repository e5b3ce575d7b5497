import type { Catalogue } from "../i18n/types";

/**
 * Vaccination certificates: one message per verification step (so staff can explain exactly what
 * is wrong with a QR), and the lookup's answers.
 */
export const vaccinationMessages = {
  "vaccination.verify.prefix": {
    vi: "Đây không phải mã QR chứng nhận tiêm chủng (mã phải bắt đầu bằng HC1:)",
    en: "This is not a vaccination certificate QR code (it must start with HC1:)",
  },
  "vaccination.verify.base45": {
    vi: "Mã QR bị hỏng hoặc chép thiếu (lỗi mã hóa Base45)",
    en: "The QR code is damaged or incompletely copied (Base45 error)",
  },
  "vaccination.verify.zlib": {
    vi: "Mã QR bị hỏng hoặc chép thiếu (không giải nén được)",
    en: "The QR code is damaged or incompletely copied (cannot be decompressed)",
  },
  "vaccination.verify.cose": {
    vi: "Mã QR không có cấu trúc chữ ký hợp lệ (COSE)",
    en: "The QR code has no valid signature structure (COSE)",
  },
  "vaccination.verify.cbor": {
    vi: "Nội dung chứng nhận không đọc được",
    en: "The certificate content cannot be read",
  },
  "vaccination.verify.unknown_kid": {
    vi: "Không rõ đơn vị cấp: chứng nhận được ký bằng khóa không có trong danh sách tin cậy (hãy cập nhật danh sách khi có mạng)",
    en: "Unknown issuer: the certificate is signed with a key that is not on the trust list (refresh the list when online)",
  },
  "vaccination.verify.bad_signature": {
    vi: "Chứng nhận không phải bản gốc: chữ ký không hợp lệ, nội dung có thể đã bị sửa",
    en: "Not genuine: the signature is invalid, the content may have been altered",
  },
  "vaccination.verify.signer_expired": {
    vi: "Chứng thư của đơn vị ký đã hết hạn hoặc chưa có hiệu lực",
    en: "The signer's certificate has expired or is not yet valid",
  },
  "vaccination.verify.schema": {
    vi: "Chứng nhận có chữ ký hợp lệ nhưng thiếu hoặc sai thông tin bắt buộc",
    en: "The certificate is signed but required information is missing or wrong",
  },
  "vaccination.verify.not_yet_valid": {
    vi: "Chứng nhận chưa có hiệu lực (ngày cấp ở tương lai); hãy kiểm tra đồng hồ của máy",
    en: "The certificate is not valid yet (issued in the future); check the device clock",
  },
  "vaccination.verify.expired": {
    vi: "Mã QR chứng nhận đã hết hạn; hãy tra cứu để lấy mã mới",
    en: "The certificate QR code has expired; look it up again to get a new one",
  },
  "vaccination.certificate_kind": {
    vi: "Chứng nhận phải có đúng một loại: tiêm chủng, xét nghiệm hoặc khỏi bệnh",
    en: "A certificate holds exactly one of: vaccination, test or recovery",
  },
  VACCINATION_NOT_FOUND: {
    vi: "Không tìm thấy chứng nhận tiêm chủng với thông tin này. Vui lòng kiểm tra số giấy tờ, họ tên và ngày sinh",
    en: "No vaccination certificate matches these details. Please check the ID number, full name and date of birth",
  },
  "vaccination.registry_unavailable": {
    vi: "Hệ thống dữ liệu tiêm chủng tạm thời không phản hồi, vui lòng thử lại sau",
    en: "The vaccination registry is not responding; please try again later",
  },
} as const satisfies Catalogue;

export type VaccinationMessageCode = keyof typeof vaccinationMessages;
