/**
 * Vietnamese UI texts: the default language and the source of truth for the shape of every
 * other language (see `en.ts`). Texts that come from the API (errors, validation) are in the
 * shared catalogue instead, so the server and the app say the same thing.
 */
export const vi = {
  app: {
    title: "Khai báo di chuyển",
  },
  common: {
    back: "Quay lại",
    retry: "Thử lại",
    loading: "Đang tải…",
  },
  checkpoint: {
    label: "Chốt kiểm soát",
    code: "Mã chốt",
    place: "Địa điểm",
    direction: "Chiều kiểm soát",
    directions: {
      into: "Vào thành phố",
      out_of: "Ra khỏi thành phố",
      both: "Cả hai chiều",
    },
    start: "Bắt đầu khai báo",
    startHint: "Khai báo trước khi đến chốt giúp bạn qua chốt nhanh hơn. Chỉ mất khoảng 2 phút.",
    chooseAnother: "Không phải chốt này? Chọn chốt khác",
    inactiveTitle: "Chốt kiểm soát này hiện không hoạt động",
    inactiveBody: "Bạn không cần khai báo tại chốt này lúc này. Nếu bạn sắp qua chốt khác, hãy chọn trong danh sách dưới đây.",
  },
  notFound: {
    title: (id: string) => `Không tìm thấy chốt kiểm soát ${id}`,
    why: "Mã chốt trong đường dẫn không có trong hệ thống. Có thể mã QR bị mờ, bị cắt hoặc đã cũ.",
    howToFix: "Cách khắc phục",
    scanAgain: "Quét lại mã QR dán tại chốt kiểm soát bằng ứng dụng Zalo.",
    pickFromList: "Hoặc chọn chốt bạn sắp đi qua trong danh sách dưới đây.",
  },
  picker: {
    title: "Chọn chốt kiểm soát",
    intro: "Bạn sắp qua chốt nào? Quét mã QR dán tại chốt bằng ứng dụng Zalo, hoặc chọn trong danh sách.",
    listTitle: "Các chốt đang hoạt động",
    empty: "Hiện không có chốt kiểm soát nào đang hoạt động.",
    codeLabel: "Hoặc nhập mã chốt in trên áp phích",
    codePlaceholder: "VD: HN-PHAPVAN",
    open: "Mở",
    scan: "Quét mã QR",
    scanUnsupported: "Không quét được mã ở đây. Hãy nhập hoặc dán mã chốt.",
    scanFailed: "Không đọc được mã QR. Hãy thử lại hoặc nhập mã chốt.",
  },
  errors: {
    networkTitle: "Không kết nối được máy chủ",
    networkBody: "Vui lòng kiểm tra kết nối mạng rồi thử lại.",
    offline: "Điện thoại đang mất kết nối mạng. Hãy bật dữ liệu di động hoặc Wi-Fi; ứng dụng sẽ tự thử lại.",
    serverTitle: "Có lỗi xảy ra",
    unexpectedResponse: "Máy chủ trả lời không đúng định dạng. Vui lòng thử lại sau ít phút.",
  },
  wallet: {
    entry: "Chứng nhận tiêm chủng",
    entryCount: (n: number) => `Chứng nhận tiêm chủng (${n})`,
  },
  crash: {
    title: "Ứng dụng gặp sự cố",
    body: "Xin lỗi vì sự bất tiện. Hãy tải lại ứng dụng; nếu vẫn lỗi, hãy báo cho cán bộ tại chốt.",
    reload: "Tải lại",
  },
  start: {
    again: "Khai báo lại như lần trước",
    againDetail: (name: string, vehicle: string) => (vehicle ? `(${name}, ${vehicle})` : `(${name})`),
    fresh: "Khai báo mới hoặc cho người khác",
    resume: (n: number, total: number) => `Tiếp tục khai báo (bước ${n}/${total})`,
    resumeQuick: "Tiếp tục khai báo đang dở",
    startOver: "Khai báo lại từ đầu",
    pending: (n: number) => `${n} tờ khai đang chờ mạng để gửi. Ứng dụng sẽ tự gửi khi có mạng.`,
    openPending: "Xem",
    validHere: (until: string) => `Bạn đã có phiếu còn hiệu lực tại chốt này đến ${until}.`,
    openReceipt: "Xem phiếu",
    myReceipts: "Phiếu của tôi",
    myReceiptsCount: (n: number) => `Phiếu của tôi (${n})`,
    delivered: "Tờ khai đã được gửi, phiếu đã có.",
    openDelivered: "Xem phiếu",
    returned: "Tờ khai đang chờ gửi chưa được nhận: cần sửa lại.",
    openReturned: "Sửa",
  },
  consent: {
    agree: "Đồng ý",
    decline: "Không đồng ý",
    version: (v: string) => `Nội dung đồng ý, phiên bản ${v}`,
    failed: "Chưa ghi nhận được sự đồng ý. Kiểm tra kết nối mạng rồi thử lại.",
  },
};

export type Strings = typeof vi;
