import type { IdCheck } from "./id-types";

/**
 * Passport numbers: Vietnamese ones are 1 letter + 7 digits (C1234567, N1234567, P...), foreign
 * ones vary, so we accept 6-12 letters/digits with at least one digit (a name typed into the
 * field is rejected). Input must already be compacted and upper-cased.
 */
export function checkPassport(compact: string): IdCheck {
  if (!/^[A-Z0-9]{6,12}$/.test(compact) || !/\d/.test(compact)) return { ok: false, code: "passport.format" };
  return { ok: true, kind: "passport", value: compact, warnings: [] };
}

/** True for the Vietnamese passport shape: one letter then seven digits. */
export function isVietnamesePassportNumber(compact: string): boolean {
  return /^[A-Z]\d{7}$/.test(compact);
}
