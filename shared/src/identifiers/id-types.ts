import type { MessageParams } from "../i18n/types";

/** Gender as declared on the form. */
export type Gender = "male" | "female" | "other";

/** The kinds of personal ID number a declarant can give. */
export type IdKind = "cccd" | "cmnd" | "passport";

/** The error codes {@link validateIdNumber} can return (each has a message in `identifierMessages`). */
export type IdErrorCode =
  | "id.empty"
  | "id.digits_only"
  | "id.unrecognized"
  | "cccd.length"
  | "cccd.province_unknown"
  | "cccd.birth_year_mismatch"
  | "cccd.gender_mismatch"
  | "cccd.birth_year_future"
  | "cmnd.length"
  | "passport.format";

export type IdWarningCode = "cmnd.expired";

/** Accepted, but worth telling the user about (e.g. an expired CMND). */
export interface IdWarning {
  code: IdWarningCode;
  params?: MessageParams;
}

export interface IdValid {
  ok: true;
  kind: IdKind;
  /** Normalised: digits only for cccd/cmnd; upper case, no spaces for passport. */
  value: string;
  warnings: IdWarning[];
  /** CCCD only: the legacy province where the birth was registered (2-digit legacy code). */
  birthProvince?: { code: string; name: string };
  /** CCCD only: the birth year encoded by digits 4-6. */
  birthYear?: number;
  /** CCCD only: the gender encoded by digit 4. */
  gender?: "male" | "female";
}

export interface IdInvalid {
  ok: false;
  code: IdErrorCode;
  params?: MessageParams;
}

export type IdCheck = IdValid | IdInvalid;

export interface IdCheckOptions {
  /** The kind the user picked; when absent it is inferred from the shape of the input. */
  kind?: IdKind;
  /** Declared date of birth, "YYYY-MM-DD" or "YYYY"; other shapes are ignored here (the date field validates itself). */
  birthDate?: string;
  /** Declared gender; "other" skips the CCCD gender check. */
  gender?: Gender;
  /** Clock for the "birth year in the future" check; defaults to now. */
  now?: Date;
}
