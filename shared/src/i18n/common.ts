import type { Catalogue } from "./types";

/** Messages for generic validation failures and the HTTP error codes of our API. */
export const commonMessages = {
  required: { vi: "Vui lòng nhập thông tin này", en: "This field is required" },
  invalid_type: { vi: "Giá trị không đúng kiểu", en: "Wrong type of value" },
  invalid_format: { vi: "Định dạng không hợp lệ", en: "Invalid format" },
  invalid_value: { vi: "Giá trị không hợp lệ", en: "Invalid value" },
  too_short: { vi: "Quá ngắn (tối thiểu {min})", en: "Too short (at least {min})" },
  too_long: { vi: "Quá dài (tối đa {max})", en: "Too long (at most {max})" },
  too_small: { vi: "Giá trị quá nhỏ (tối thiểu {min})", en: "Value too small (at least {min})" },
  too_big: { vi: "Giá trị quá lớn (tối đa {max})", en: "Value too large (at most {max})" },
  unknown_field: { vi: "Trường không được hỗ trợ", en: "Unsupported field" },
  date_invalid: { vi: "Ngày không hợp lệ", en: "Invalid date" },
  date_in_future: { vi: "Ngày không được ở tương lai", en: "The date cannot be in the future" },
  email_invalid: { vi: "Địa chỉ email không hợp lệ", en: "Invalid e-mail address" },

  "http.validation_failed": { vi: "Dữ liệu gửi lên chưa hợp lệ", en: "The submitted data is not valid" },
  "http.not_found": { vi: "Không tìm thấy", en: "Not found" },
  "http.route_not_found": { vi: "Không có đường dẫn này", en: "No such route" },
  "http.unauthorized": { vi: "Bạn cần đăng nhập", en: "Authentication required" },
  "http.forbidden": { vi: "Bạn không có quyền thực hiện thao tác này", en: "You are not allowed to do this" },
  "http.payload_too_large": { vi: "Dữ liệu gửi lên quá lớn", en: "Request body too large" },
  "http.bad_json": { vi: "Dữ liệu gửi lên không phải JSON hợp lệ", en: "Request body is not valid JSON" },
  "http.json_not_utf8": { vi: "Dữ liệu gửi lên phải được mã hóa UTF-8", en: "Request body must be UTF-8" },
  "http.json_too_deep": { vi: "Dữ liệu JSON lồng nhau quá sâu (tối đa {max} cấp)", en: "JSON nested too deeply (at most {max} levels)" },
  "http.json_duplicate_key": { vi: "Dữ liệu JSON có một khóa lặp lại", en: "JSON has a key given twice" },
  "http.json_forbidden_key": { vi: "Dữ liệu JSON có khóa không được phép", en: "JSON has a key that is not allowed" },
  "http.nul_char": { vi: "Dữ liệu gửi lên chứa ký tự NUL không được phép", en: "The request contains a NUL character, which is not allowed" },
  "http.unsupported_media_type": { vi: "Kiểu dữ liệu không được hỗ trợ", en: "Unsupported content type" },
  "http.rate_limited": { vi: "Bạn thao tác quá nhanh, vui lòng thử lại sau", en: "Too many requests, please try again later" },
  "http.internal": { vi: "Lỗi hệ thống, vui lòng thử lại sau", en: "Internal error, please try again later" },
  "http.unavailable": { vi: "Dịch vụ tạm thời không sẵn sàng", en: "Service temporarily unavailable" },

  "checkpoint.not_found": { vi: "Không tìm thấy chốt kiểm soát này", en: "Unknown checkpoint" },
  "checkpoint.id_format": { vi: "Mã chốt không hợp lệ (ví dụ HN-PHAPVAN)", en: "Invalid checkpoint code (e.g. HN-PHAPVAN)" },
  "checkpoint.inactive": { vi: "Chốt kiểm soát này hiện không hoạt động", en: "This checkpoint is not active" },
} as const satisfies Catalogue;
