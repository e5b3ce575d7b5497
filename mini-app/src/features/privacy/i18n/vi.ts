/** The privacy screen's texts (Vietnamese, the source of the shape). */
export const vi = {
  link: "Quyền riêng tư và dữ liệu của tôi",
  title: "Quyền riêng tư",
  intro:
    "Tờ khai của bạn được mã hoá khi lưu và chỉ được chuyển cho cơ quan y tế, cơ quan chức năng để phòng, chống dịch. Thông tin cá nhân trên tờ khai được tự động xoá sau thời hạn lưu trữ; chỉ số lượt qua chốt (không kèm thông tin cá nhân) được giữ để thống kê.",
  consentsTitle: "Các sự đồng ý của bạn",
  activeSince: (at: string) => `Đang đồng ý từ ${at}`,
  withdrawnAt: (at: string) => `Đã rút lại lúc ${at}`,
  never: "Chưa đồng ý",
  versionOf: (v: string) => `Phiên bản nội dung ${v}`,
  withdraw: "Rút lại",
  withdrawn: "Đã rút lại sự đồng ý.",
  withdrawNoteDeclaration: "Lần khai báo sau, ứng dụng sẽ hỏi lại sự đồng ý của bạn. Tờ khai đã gửi vẫn được giữ đến hết thời hạn lưu trữ, trừ khi bạn yêu cầu xoá.",
  withdrawNotePrefill: "Ứng dụng sẽ không đọc thông tin này nữa; bạn tự nhập vào tờ khai.",
  deleteTitle: "Xoá dữ liệu của tôi",
  deleteIntro:
    "Máy chủ sẽ xoá họ tên, số giấy tờ, số điện thoại, địa chỉ, câu trả lời sức khoẻ trên các tờ khai của bạn và các tin nhắn với tổng đài. Tờ khai chưa kịp chuyển cho cơ quan chức năng sẽ được chuyển trước (theo quy định), rồi xoá ngay sau đó.",
  deleteLocal: "Xoá cả dữ liệu lưu trên điện thoại này (phiếu, người đã khai, bản nháp)",
  deleteAsk: "Yêu cầu xoá dữ liệu",
  deleteConfirm: "Bạn chắc chắn muốn xoá? Không thể hoàn tác. Phiếu đã xoá không dùng được để qua chốt.",
  deleteYes: "Xoá dữ liệu",
  cancel: "Huỷ",
  statusDone: (at: string) => `Đã xoá dữ liệu của bạn trên máy chủ lúc ${at}.`,
  statusWaiting: (n: number) => `Đã nhận yêu cầu. ${n} tờ khai đang chờ chuyển cho cơ quan chức năng; chúng sẽ được xoá ngay sau khi chuyển xong.`,
  statusReceived: "Đã nhận yêu cầu xoá dữ liệu, đang xử lý.",
  statusPurged: (n: number) => `Số tờ khai đã xoá: ${n}.`,
  requestedAt: (at: string) => `Gửi yêu cầu lúc ${at}`,
  localCleared: "Đã xoá dữ liệu trên điện thoại này.",
  failed: "Chưa thực hiện được. Kiểm tra kết nối mạng rồi thử lại.",
};

export type PrivacyStrings = typeof vi;
