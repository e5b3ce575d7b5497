import { legacyProvinceByCode } from "./legacy-provinces";
import type { IdCheck, IdCheckOptions } from "./id-types";

/**
 * Digit 4 of a CCCD number: gender and century of birth. Even = male, odd = female;
 * 0/1 1900s, 2/3 2000s, 4/5 2100s, 6/7 2200s (the citizen-ID regulations), 8/9 1800s (from the
 * project brief; domain.md lists only 1900s-2100s). Index = the digit.
 */
const CENTURY_BY_DIGIT = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800] as const;

export interface CccdParts {
  /** Legacy 2-digit province code ("01"), taken from digits 2-3. */
  provinceCode: string;
  gender: "male" | "female";
  birthYear: number;
}

/** Splits 12 digits into their meaning; no validation beyond that. */
export function decodeCccd(digits12: string): CccdParts {
  const genderDigit = Number(digits12[3]);
  const century = CENTURY_BY_DIGIT[genderDigit] ?? 1900;
  return {
    provinceCode: digits12.slice(1, 3),
    gender: genderDigit % 2 === 0 ? "male" : "female",
    birthYear: century + Number(digits12.slice(4, 6)),
  };
}

/** "1990-05-01" or "1990" → 1990; anything else → undefined. */
function declaredYear(birthDate: string | undefined): number | undefined {
  const match = /^(\d{4})(?:-\d{2}-\d{2})?$/.exec(birthDate?.trim() ?? "");
  return match ? Number(match[1]) : undefined;
}

/** Checks an already compacted, digits-only string as a CCCD number. */
export function checkCccd(digits: string, opts: IdCheckOptions): IdCheck {
  if (digits.length !== 12) return { ok: false, code: "cccd.length", params: { length: digits.length } };

  const parts = decodeCccd(digits);
  const province = digits[0] === "0" ? legacyProvinceByCode(parts.provinceCode) : undefined;
  if (!province) return { ok: false, code: "cccd.province_unknown", params: { code: digits.slice(0, 3) } };

  const currentYear = (opts.now ?? new Date()).getFullYear();
  if (parts.birthYear > currentYear) {
    return { ok: false, code: "cccd.birth_year_future", params: { year: parts.birthYear } };
  }

  const declared = declaredYear(opts.birthDate);
  if (declared !== undefined && declared !== parts.birthYear) {
    return { ok: false, code: "cccd.birth_year_mismatch", params: { expected: parts.birthYear, declared } };
  }
  if ((opts.gender === "male" || opts.gender === "female") && opts.gender !== parts.gender) {
    return { ok: false, code: "cccd.gender_mismatch" };
  }

  return {
    ok: true,
    kind: "cccd",
    value: digits,
    warnings: [],
    birthProvince: { code: province.code, name: province.name },
    birthYear: parts.birthYear,
    gender: parts.gender,
  };
}
