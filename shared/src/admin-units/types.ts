import type { MessageParams } from "../i18n/types";

/** Centrally-run city ("thành phố trực thuộc trung ương") or province ("tỉnh"). */
export type ProvinceType = "municipality" | "province";

/** One of the 34 provincial units in force since 1 July 2025. */
export interface Province {
  /** 2-digit code, e.g. "79". */
  readonly code: string;
  /** Short name with diacritics (NFC), without "Tỉnh"/"Thành phố": "Hồ Chí Minh". */
  readonly name: string;
  /** Official name with its prefix: "Thành phố Hồ Chí Minh", "Tỉnh Lào Cai". */
  readonly fullName: string;
  readonly nameAscii: string;
  readonly type: ProvinceType;
  /** Legacy (pre-2025) codes of the provinces merged into this one, the name-giver first. */
  readonly mergedFrom: readonly string[];
  /** Their names, in the same order. */
  readonly mergedFromNames: readonly string[];
}

/**
 * One of the 63 provinces before 1 July 2025 and the province it is part of now. (Named
 * FormerProvince so it does not clash with the identifiers' `LegacyProvince`, used to decode
 * CCCD numbers.)
 */
export interface FormerProvince {
  /** Legacy 2-digit code (the one embedded in CCCD numbers). */
  readonly code: string;
  readonly name: string;
  readonly nameAscii: string;
  readonly type: ProvinceType;
  /** Code of the current province that absorbed it (may equal `code`). */
  readonly mergedInto: string;
}

/** Phường (urban ward), Xã (commune) or Đặc khu (special zone, the islands). */
export type WardType = "ward" | "commune" | "special_zone";

/** A ward/commune since 1 July 2025 (there is no district level any more). */
export interface Ward {
  /** 5-digit code, e.g. "00070". */
  readonly code: string;
  /** Official name with its prefix: "Phường Hoàn Kiếm", "Xã Hòa Bình", "Đặc khu Côn Đảo". */
  readonly name: string;
  readonly provinceCode: string;
  readonly type?: WardType;
  /** Names of the former wards/communes merged (wholly or in part) into this one, e.g. "Phường Hàng Bạc". */
  readonly oldNames?: readonly string[];
  /** The former districts those came from, e.g. "Quận Hoàn Kiếm". */
  readonly oldDistricts?: readonly string[];
}

/** A remark shown next to a search result ("Bình Dương nay thuộc Hồ Chí Minh"), as a catalogue code. */
export interface AdminNote {
  readonly code: string;
  readonly params: MessageParams;
}

/** Something that finds a ward by its code: a function, or an object such as the server repository. */
export type WardLookup =
  | ((code: string) => Pick<Ward, "code" | "name" | "provinceCode"> | undefined)
  | { ward(code: string): Pick<Ward, "code" | "name" | "provinceCode"> | undefined };
