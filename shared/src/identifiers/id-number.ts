import { checkCccd } from "./cccd";
import { compactInput } from "./clean-input";
import { checkPassport } from "./passport";
import type { IdCheck, IdCheckOptions, IdKind } from "./id-types";

export type {
  Gender,
  IdCheck,
  IdCheckOptions,
  IdErrorCode,
  IdInvalid,
  IdKind,
  IdValid,
  IdWarning,
  IdWarningCode,
} from "./id-types";

function checkCmnd(digits: string, opts: IdCheckOptions): IdCheck {
  // 12-digit CMNDs (issued 2012-2016) share the CCCD structure and number; check them as CCCD.
  if (digits.length === 12) return checkCccd(digits, opts);
  if (digits.length !== 9) return { ok: false, code: "cmnd.length", params: { length: digits.length } };
  return { ok: true, kind: "cmnd", value: digits, warnings: [{ code: "cmnd.expired" }] };
}

/** Guesses the kind from the shape: 12 digits → CCCD, 9 → CMND, letters and digits → passport. */
function inferKind(compact: string): IdKind | "unknown" {
  if (/^\d+$/.test(compact)) {
    if (compact.length === 9) return "cmnd";
    // 10 digits or more is most likely a CCCD with a digit too many or too few.
    return compact.length >= 10 ? "cccd" : "unknown";
  }
  if (/^[A-Z0-9]+$/.test(compact) && /[A-Z]/.test(compact) && /\d/.test(compact)) return "passport";
  return "unknown";
}

/**
 * Validates a personal ID number (CCCD, CMND or passport) and, for a CCCD, checks the digits
 * against the declared birth date and gender. Spaces, dots and dashes are ignored. A mismatch is
 * a result with a message code, never an exception.
 */
export function validateIdNumber(input: string, opts: IdCheckOptions = {}): IdCheck {
  const compact = compactInput(input);
  if (compact === "") return { ok: false, code: "id.empty" };

  const kind = opts.kind ?? inferKind(compact);
  switch (kind) {
    case "cccd":
    case "cmnd":
      if (!/^\d+$/.test(compact)) return { ok: false, code: "id.digits_only" };
      return kind === "cccd" ? checkCccd(compact, opts) : checkCmnd(compact, opts);
    case "passport":
      return checkPassport(compact);
    case "unknown":
      return { ok: false, code: "id.unrecognized" };
  }
}

/**
 * Masks an ID number for receipts and logs: "***" + the last 3 characters ("***345"). Numbers
 * shorter than 6 characters are fully masked.
 */
export function maskIdNumber(value: string): string {
  const compact = compactInput(value);
  return compact.length < 6 ? "***" : `***${compact.slice(-3)}`;
}
