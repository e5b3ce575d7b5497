import type { Catalogue } from "../i18n/types";

/** Messages of the support inbox. */
export const inboxMessages = {
  "inbox.conversation_not_found": { vi: "Không tìm thấy cuộc trò chuyện (hoặc bạn không được xem)", en: "Conversation not found (or not yours to see)" },
  "inbox.not_yours": { vi: "Cuộc trò chuyện này do nhân viên khác phụ trách", en: "Another agent holds this conversation" },
  "inbox.take_over_first": { vi: "Hãy nhận cuộc trò chuyện trước khi trả lời", en: "Take the conversation over before replying" },
  "inbox.text_required": { vi: "Hãy nhập nội dung", en: "Type a message" },
  "inbox.label_format": { vi: "Nhãn gồm chữ, số, gạch ngang, tối đa 24 ký tự", en: "Labels use letters, digits and hyphens, 24 characters at most" },
  "inbox.reason_required": { vi: "Hãy ghi lý do xem hồ sơ (ít nhất 5 ký tự)", en: "Give a reason for viewing the record (5 characters at least)" },
  "inbox.declaration_not_found": { vi: "Không tìm thấy tờ khai của người này", en: "No such declaration of this citizen" },
  "inbox.message_not_retryable": { vi: "Chỉ gửi lại được tin nhắn gửi lỗi", en: "Only a message that failed can be sent again" },
  "inbox.shortcut_format": { vi: "Lối tắt gồm chữ thường không dấu, số, gạch ngang", en: "Shortcuts use lower-case letters, digits and hyphens" },
  "inbox.shortcut_taken": { vi: "Lối tắt này đã có", en: "This shortcut already exists" },
  "inbox.canned_not_found": { vi: "Không tìm thấy câu trả lời mẫu", en: "Canned answer not found" },
  "inbox.desk_id_format": { vi: "Mã bàn gồm chữ thường không dấu, số, gạch ngang", en: "Desk ids use lower-case letters, digits and hyphens" },
  "inbox.desk_not_found": { vi: "Không tìm thấy bàn hỗ trợ", en: "Desk not found" },
  "inbox.hours_invalid": { vi: "Giờ làm việc không hợp lệ: {detail}", en: "Business hours are not valid: {detail}" },
  "inbox.events_stream_only": { vi: "Địa chỉ này chỉ dành cho luồng sự kiện (text/event-stream)", en: "This address only serves an event stream (text/event-stream)" },
  "inbox.assignee_invalid": { vi: "Chỉ giao được cho nhân viên hỗ trợ đang hoạt động", en: "Only an active support account can be assigned" },
} as const satisfies Catalogue;
