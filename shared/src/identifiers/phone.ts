import { foldInput } from "./clean-input";

/**
 * Mobile prefixes (the two digits after the leading 0), from domain.md: Viettel 86, 96-98, 32-39;
 * VinaPhone 88, 91, 94, 81-85; MobiFone 89, 90, 93, 70, 76-79; Vietnamobile 92, 56, 58 (52
 * unverified, accepted); Gmobile 99, 59; 87 (Itelecom). Number portability means the prefix does
 * not prove the carrier, so we only check that it is a mobile prefix.
 */
const MOBILE_PREFIXES: ReadonlySet<string> = new Set([
  "32", "33", "34", "35", "36", "37", "38", "39",
  "52", "56", "58", "59",
  "70", "76", "77", "78", "79",
  "81", "82", "83", "84", "85", "86", "87", "88", "89",
  "90", "91", "92", "93", "94", "96", "97", "98", "99",
]);

export type PhoneErrorCode = "phone.empty" | "phone.format" | "phone.landline" | "phone.prefix_unknown" | "phone.foreign";

export type PhoneResult =
  | { ok: true; /** "+84912345678" */ e164: string; /** "0912 345 678" */ national: string }
  | { ok: false; code: PhoneErrorCode; params?: { prefix: string } };

/**
 * The national form ("0" + subscriber digits) of what was typed, or a failure code. Accepts
 * 0912345678, 84912345678, +84912345678, 0084912345678, (+84)912345678 and +84 0912... with any
 * spaces, dots, dashes or parentheses in between.
 */
function toNational(input: string): string | "foreign" | undefined {
  const folded = foldInput(input).replace(/[\s.\-()\u2010-\u2015]/g, "");
  const plus = folded.startsWith("+");
  const digits = plus ? folded.slice(1) : folded;
  if (!/^\d+$/.test(digits)) return undefined;

  if (plus || digits.startsWith("00")) {
    const international = plus ? digits : digits.slice(2);
    if (!international.startsWith("84")) return "foreign";
    const rest = international.slice(2);
    return rest.startsWith("0") ? rest : `0${rest}`;
  }
  if (digits.startsWith("0")) return digits;
  // "84" + 9 digits (mobile) or 10 digits (landline), or with the 0 kept: "840912345678".
  if (digits.startsWith("84") && digits.length >= 11 && digits.length <= 12) {
    const rest = digits.slice(2);
    return rest.startsWith("0") ? rest : `0${rest}`;
  }
  return undefined;
}

/** Validates and normalises a Vietnamese mobile number to E.164 and a "0912 345 678" display form. */
export function normalizePhone(input: string): PhoneResult {
  if (input.trim() === "") return { ok: false, code: "phone.empty" };
  const national = toNational(input);
  if (national === "foreign") return { ok: false, code: "phone.foreign" };
  if (national === undefined) return { ok: false, code: "phone.format" };

  // Landlines are 0 + 2x area code + subscriber, 11 digits in all (024 3825 1234).
  if (national.startsWith("02") && (national.length === 10 || national.length === 11)) {
    return { ok: false, code: "phone.landline" };
  }
  if (national.length !== 10) return { ok: false, code: "phone.format" };
  const prefix = national.slice(1, 3);
  if (!MOBILE_PREFIXES.has(prefix)) return { ok: false, code: "phone.prefix_unknown", params: { prefix: `0${prefix}` } };

  return {
    ok: true,
    e164: `+84${national.slice(1)}`,
    national: `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`,
  };
}

/**
 * Masks a phone number for receipts: "+84912345678" → "+84 9** *** 678". Anything that is not a
 * valid mobile number is masked down to its last 3 digits.
 */
export function maskPhone(e164: string): string {
  const result = normalizePhone(e164);
  if (!result.ok) {
    const digits = e164.replace(/\D/g, "");
    return digits.length < 6 ? "***" : `***${digits.slice(-3)}`;
  }
  const subscriber = result.e164.slice(3); // 9 digits
  return `+84 ${subscriber[0]}** *** ${subscriber.slice(6)}`;
}
