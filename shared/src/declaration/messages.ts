import type { Catalogue } from "../i18n/types";

/** Messages of the declaration form's own rules (identifier and address codes live beside those). */
export const declarationMessages = {
  datetime_invalid: { vi: "Thời gian không hợp lệ", en: "Invalid date and time" },
  "name.too_short": { vi: "Họ tên quá ngắn", en: "Name is too short" },
  "name.invalid_chars": { vi: "Họ tên chỉ gồm chữ cái và khoảng trắng", en: "A name may only contain letters and spaces" },
  "text.control_chars": { vi: "Nội dung có ký tự không hợp lệ", en: "The text contains invalid characters" },
  "identity.birth_too_old": { vi: "Năm sinh phải từ 1900 trở đi", en: "The birth year must be 1900 or later" },
  "identity.gender_required": { vi: "Vui lòng chọn giới tính", en: "Please choose a gender" },
  "identity.id_kind_required": { vi: "Vui lòng chọn loại giấy tờ", en: "Please choose the type of document" },
  "identity.nationality_format": { vi: "Quốc tịch không hợp lệ", en: "Invalid nationality" },
  "identity.insurance_format": { vi: "Mã số BHXH gồm 10 chữ số (hoặc số thẻ BHYT 15 ký tự)", en: "The insurance number has 10 digits (or a 15-character card number)" },
  "trip.vehicle_required": { vi: "Vui lòng chọn phương tiện", en: "Please choose a vehicle" },
  "trip.purpose_required": { vi: "Vui lòng chọn mục đích chuyến đi", en: "Please choose the purpose of the trip" },
  "trip.direction_required": { vi: "Vui lòng chọn chiều đi (vào hay ra khỏi thành phố)", en: "Please choose the direction (into or out of the city)" },
  "trip.plate_required": { vi: "Vui lòng nhập biển số xe", en: "Please enter the number plate" },
  "trip.transport_code_required": { vi: "Vui lòng nhập số hiệu chuyến bay hoặc tàu", en: "Please enter the flight or train number" },
  "trip.transport_code_format": { vi: "Số hiệu chuyến không hợp lệ (ví dụ VN215, SE1)", en: "Invalid flight or train number (e.g. VN215, SE1)" },
  "trip.purpose_note_required": { vi: "Vui lòng ghi rõ mục đích", en: "Please describe the purpose" },
  "health.answer_required": { vi: "Vui lòng trả lời câu hỏi này", en: "Please answer this question" },
  "test.kind_required": { vi: "Vui lòng chọn loại xét nghiệm (hoặc chưa xét nghiệm)", en: "Please choose the test type (or no test)" },
  "test.result_required": { vi: "Vui lòng chọn kết quả xét nghiệm", en: "Please choose the test result" },
  "test.expired": { vi: "Kết quả xét nghiệm đã quá {hours} giờ", en: "The test result is older than {hours} hours" },
  "vaccination.doses_required": { vi: "Vui lòng nhập số mũi đã tiêm", en: "Please enter the number of doses" },
  "commitment.truthful_required": { vi: "Bạn cần cam kết thông tin khai báo là đúng sự thật", en: "You must confirm that the information is true" },
  "commitment.consent_required": { vi: "Bạn cần đồng ý chuyển dữ liệu cho cơ quan chức năng", en: "You must agree to the data being passed to the authorities" },
} as const satisfies Catalogue;
