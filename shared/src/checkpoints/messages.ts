import type { Catalogue } from "../i18n/types";

/** Messages of the checkpoint registry (console) beyond the common `checkpoint.*` ones. */
export const checkpointMessages = {
  "checkpoint.id_taken": { vi: "Mã chốt này đã được dùng", en: "This checkpoint code is already in use" },
  "checkpoint.time_invalid": { vi: "Thời điểm không hợp lệ", en: "Invalid date and time" },
  "checkpoint.active_range": { vi: "Ngày kết thúc phải sau ngày bắt đầu hoạt động", en: "The end must be after the start of the active period" },
  "checkpoint.coordinates_pair": { vi: "Cần nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai", en: "Give both latitude and longitude, or neither" },
  "checkpoint.already_inactive": { vi: "Chốt này đã ngừng hoạt động", en: "This checkpoint is already inactive" },
  "export.date_invalid": { vi: "Ngày phải có dạng YYYY-MM-DD", en: "The date must be YYYY-MM-DD" },
} as const satisfies Catalogue;
