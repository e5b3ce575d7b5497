/**
 * The 63 provincial units that existed before the 1 July 2025 merger, keyed by their legacy
 * 2-digit code. CCCD numbers embed "0" + this code (the province where the birth was registered),
 * and numbers issued before the merger keep it, so this list is needed to decode them.
 *
 * Data, not logic: generated once from ../admin-units/generated/vn-provinces-legacy-63.tsv (columns
 * code, name, name_ascii; names in NFC). Note from the source: 46 Thừa Thiên Huế became the
 * centrally-run city "Huế" on 2025-01-01 and kept its code. If the TSV changes,
 * regenerate the whole list from it rather than patching entries.
 */
export interface LegacyProvince {
  /** Legacy 2-digit code, "01".."96". */
  readonly code: string;
  /** Vietnamese name with diacritics (NFC), without the "Tỉnh"/"Thành phố" prefix. */
  readonly name: string;
  /** The name without diacritics, for searching and ASCII-only contexts. */
  readonly nameAscii: string;
}

export const LEGACY_PROVINCES: readonly LegacyProvince[] = [
  { code: "01", name: "Hà Nội", nameAscii: "Ha Noi" },
  { code: "02", name: "Hà Giang", nameAscii: "Ha Giang" },
  { code: "04", name: "Cao Bằng", nameAscii: "Cao Bang" },
  { code: "06", name: "Bắc Kạn", nameAscii: "Bac Kan" },
  { code: "08", name: "Tuyên Quang", nameAscii: "Tuyen Quang" },
  { code: "10", name: "Lào Cai", nameAscii: "Lao Cai" },
  { code: "11", name: "Điện Biên", nameAscii: "Dien Bien" },
  { code: "12", name: "Lai Châu", nameAscii: "Lai Chau" },
  { code: "14", name: "Sơn La", nameAscii: "Son La" },
  { code: "15", name: "Yên Bái", nameAscii: "Yen Bai" },
  { code: "17", name: "Hòa Bình", nameAscii: "Hoa Binh" },
  { code: "19", name: "Thái Nguyên", nameAscii: "Thai Nguyen" },
  { code: "20", name: "Lạng Sơn", nameAscii: "Lang Son" },
  { code: "22", name: "Quảng Ninh", nameAscii: "Quang Ninh" },
  { code: "24", name: "Bắc Giang", nameAscii: "Bac Giang" },
  { code: "25", name: "Phú Thọ", nameAscii: "Phu Tho" },
  { code: "26", name: "Vĩnh Phúc", nameAscii: "Vinh Phuc" },
  { code: "27", name: "Bắc Ninh", nameAscii: "Bac Ninh" },
  { code: "30", name: "Hải Dương", nameAscii: "Hai Duong" },
  { code: "31", name: "Hải Phòng", nameAscii: "Hai Phong" },
  { code: "33", name: "Hưng Yên", nameAscii: "Hung Yen" },
  { code: "34", name: "Thái Bình", nameAscii: "Thai Binh" },
  { code: "35", name: "Hà Nam", nameAscii: "Ha Nam" },
  { code: "36", name: "Nam Định", nameAscii: "Nam Dinh" },
  { code: "37", name: "Ninh Bình", nameAscii: "Ninh Binh" },
  { code: "38", name: "Thanh Hóa", nameAscii: "Thanh Hoa" },
  { code: "40", name: "Nghệ An", nameAscii: "Nghe An" },
  { code: "42", name: "Hà Tĩnh", nameAscii: "Ha Tinh" },
  { code: "44", name: "Quảng Bình", nameAscii: "Quang Binh" },
  { code: "45", name: "Quảng Trị", nameAscii: "Quang Tri" },
  { code: "46", name: "Thừa Thiên Huế", nameAscii: "Thua Thien Hue" },
  { code: "48", name: "Đà Nẵng", nameAscii: "Da Nang" },
  { code: "49", name: "Quảng Nam", nameAscii: "Quang Nam" },
  { code: "51", name: "Quảng Ngãi", nameAscii: "Quang Ngai" },
  { code: "52", name: "Bình Định", nameAscii: "Binh Dinh" },
  { code: "54", name: "Phú Yên", nameAscii: "Phu Yen" },
  { code: "56", name: "Khánh Hòa", nameAscii: "Khanh Hoa" },
  { code: "58", name: "Ninh Thuận", nameAscii: "Ninh Thuan" },
  { code: "60", name: "Bình Thuận", nameAscii: "Binh Thuan" },
  { code: "62", name: "Kon Tum", nameAscii: "Kon Tum" },
  { code: "64", name: "Gia Lai", nameAscii: "Gia Lai" },
  { code: "66", name: "Đắk Lắk", nameAscii: "Dak Lak" },
  { code: "67", name: "Đắk Nông", nameAscii: "Dak Nong" },
  { code: "68", name: "Lâm Đồng", nameAscii: "Lam Dong" },
  { code: "70", name: "Bình Phước", nameAscii: "Binh Phuoc" },
  { code: "72", name: "Tây Ninh", nameAscii: "Tay Ninh" },
  { code: "74", name: "Bình Dương", nameAscii: "Binh Duong" },
  { code: "75", name: "Đồng Nai", nameAscii: "Dong Nai" },
  { code: "77", name: "Bà Rịa - Vũng Tàu", nameAscii: "Ba Ria - Vung Tau" },
  { code: "79", name: "Hồ Chí Minh", nameAscii: "Ho Chi Minh" },
  { code: "80", name: "Long An", nameAscii: "Long An" },
  { code: "82", name: "Tiền Giang", nameAscii: "Tien Giang" },
  { code: "83", name: "Bến Tre", nameAscii: "Ben Tre" },
  { code: "84", name: "Trà Vinh", nameAscii: "Tra Vinh" },
  { code: "86", name: "Vĩnh Long", nameAscii: "Vinh Long" },
  { code: "87", name: "Đồng Tháp", nameAscii: "Dong Thap" },
  { code: "89", name: "An Giang", nameAscii: "An Giang" },
  { code: "91", name: "Kiên Giang", nameAscii: "Kien Giang" },
  { code: "92", name: "Cần Thơ", nameAscii: "Can Tho" },
  { code: "93", name: "Hậu Giang", nameAscii: "Hau Giang" },
  { code: "94", name: "Sóc Trăng", nameAscii: "Soc Trang" },
  { code: "95", name: "Bạc Liêu", nameAscii: "Bac Lieu" },
  { code: "96", name: "Cà Mau", nameAscii: "Ca Mau" },
];

const byCode: ReadonlyMap<string, LegacyProvince> = new Map(LEGACY_PROVINCES.map((p) => [p.code, p]));

/** The legacy province with this 2-digit code ("01", "79"), or undefined if there is none. */
export function legacyProvinceByCode(code2: string): LegacyProvince | undefined {
  return byCode.get(code2.trim());
}
