import type { Catalogue } from "../i18n/types";

/** Messages of the staff console's sign-in and account management. */
export const staffMessages = {
  "staff.login_failed": { vi: "Tên đăng nhập hoặc mật khẩu không đúng", en: "Wrong username or password" },
  "staff.account_locked": {
    vi: "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Thử lại sau {minutes} phút hoặc nhờ quản trị viên mở khóa",
    en: "The account is locked after too many wrong passwords. Try again in {minutes} minutes or ask an administrator to unlock it",
  },
  "staff.session_expired": { vi: "Phiên làm việc đã hết hạn, vui lòng đăng nhập lại", en: "Your session has expired; please sign in again" },
  "staff.csrf_invalid": { vi: "Yêu cầu không hợp lệ (thiếu mã bảo vệ), vui lòng tải lại trang", en: "Request refused (missing protection token); please reload the page" },
  "staff.origin_refused": { vi: "Yêu cầu từ trang khác bị từ chối", en: "Requests from another site are refused" },
  "staff.username_format": {
    vi: "Tên đăng nhập gồm chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới",
    en: "Usernames use lower-case letters, digits, dots, hyphens or underscores",
  },
  "staff.username_taken": { vi: "Tên đăng nhập này đã có người dùng", en: "This username is already taken" },
  "staff.password_too_short": { vi: "Mật khẩu cần ít nhất {min} ký tự", en: "The password needs at least {min} characters" },
  "staff.password_spaces": { vi: "Mật khẩu không được bắt đầu hoặc kết thúc bằng khoảng trắng", en: "The password cannot start or end with a space" },
  "staff.password_wrong": { vi: "Mật khẩu hiện tại không đúng", en: "The current password is wrong" },
  "staff.password_reused": { vi: "Mật khẩu mới phải khác mật khẩu hiện tại", en: "The new password must differ from the current one" },
  "staff.password_change_required": { vi: "Bạn cần đổi mật khẩu trước khi tiếp tục", en: "You must change your password first" },
  "staff.account_not_found": { vi: "Không tìm thấy tài khoản", en: "Account not found" },
  "staff.nothing_to_change": { vi: "Không có thay đổi nào", en: "Nothing to change" },
  "staff.cannot_change_self": {
    vi: "Không thể tự khóa, tự đổi vai trò hay tự đặt lại mật khẩu của chính mình (hãy dùng Đổi mật khẩu)",
    en: "You cannot disable, change the role of or reset the password of your own account (use Change password)",
  },
  "staff.last_admin": { vi: "Cần giữ ít nhất một quản trị viên đang hoạt động", en: "At least one active administrator must remain" },
  "forwarding.personal_data_purged": {
    vi: "Không thể gửi lại: {count} tờ khai đã bị xoá dữ liệu cá nhân (hết thời hạn lưu trữ hoặc theo yêu cầu xoá của người dân). Bỏ chọn các tờ khai đó rồi thử lại",
    en: "Cannot send again: the personal data of {count} declaration(s) were deleted (retention limit reached, or the citizen asked for deletion). Unselect them and try again",
  },
  "forwarding.declaration_purged": {
    vi: "Tờ khai đã bị xoá dữ liệu cá nhân theo thời hạn lưu trữ, không thể gửi lại",
    en: "The declaration's personal data were deleted under the retention rules; it cannot be sent again",
  },
} as const satisfies Catalogue;
