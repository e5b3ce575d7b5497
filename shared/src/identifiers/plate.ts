import { SEPARATORS, foldInput } from "./clean-input";

export type PlateKind = "car" | "motorbike";

export type PlateResult = { ok: true; value: string; kind: PlateKind } | { ok: false; code: "plate.format" };

/**
 * Two-letter series used on cars (enterprises, diplomatic, international, projects, special
 * vehicles). Only used to break the tie for input typed without separators, e.g. "51LD12345";
 * any other two letters typed that way are read as a motorbike series ("29AA12345" → 29-AA 123.45).
 */
const CAR_TWO_LETTER_SERIES: ReadonlySet<string> = new Set([
  "LD", "KT", "NG", "NN", "QT", "CV", "DA", "MK", "MD", "TĐ", "HC",
]);

const fail: PlateResult = { ok: false, code: "plate.format" };

/** "12345" → "123.45"; "1234" stays. */
function formatNumber(digits: string): string {
  return digits.length === 5 ? `${digits.slice(0, 3)}.${digits.slice(3)}` : digits;
}

function car(locality: string, series: string, digits: string): PlateResult {
  return { ok: true, kind: "car", value: `${locality}${series}-${formatNumber(digits)}` };
}

function motorbike(locality: string, series: string, digits: string): PlateResult {
  return { ok: true, kind: "motorbike", value: `${locality}-${series} ${formatNumber(digits)}` };
}

/**
 * Validates a Vietnamese licence plate and returns its canonical form: cars `29A-123.45`,
 * `29A-1234`, `51LD-123.45`; motorbikes `29-B1 123.45`, `29-B1 1234`, `29-AA 123.45`. Separators,
 * dots and case are free; the shape is strict. The locality code must be 11-99 (it is not the
 * province code, so nothing more is checked).
 *
 * Some inputs fit both a car and a motorbike ("29A12345": 29A-123.45 or 29-A1 2345; "29AA12345").
 * Ties are broken by `opts.kind` (the vehicle type the user chose) if given, else by where the
 * user put separators ("29-A1 2345", "29-AA ..." are motorbikes), else in favour of the car for one
 * letter and of the known car series for two letters. A shape that fits only one kind wins over
 * `opts.kind`; compare the returned kind with the declared vehicle if that matters.
 */
export function normalizePlate(input: string, opts: { kind?: PlateKind } = {}): PlateResult {
  const marked = foldInput(input).replace(SEPARATORS, "|").replace(/^\|+|\|+$/g, "");
  const compact = marked.replace(/\|/g, "");

  const match = /^(\d{2})([A-ZĐ]{1,2})(\d{4,6})$/.exec(compact);
  if (!match) return fail;
  const [, locality = "", letters = "", digits = ""] = match;
  if (Number(locality) < 11) return fail;

  if (letters.length === 1) {
    if (letters === "Đ") return fail;
    // Letter + digit series, then 5 digits: only a motorbike (29-B1 123.45).
    if (digits.length === 6) return motorbike(locality, letters + digits[0], digits.slice(1));
    if (digits.length === 4) return car(locality, letters, digits);
    // 5 digits: car 29A-123.45 or motorbike 29-A1 2345.
    const typedAsMotorbike = /^\d{2}\|?[A-Z]\d\|\d{4}$/.test(marked);
    const isMotorbike = opts.kind ? opts.kind === "motorbike" : typedAsMotorbike;
    return isMotorbike ? motorbike(locality, letters + digits[0], digits.slice(1)) : car(locality, letters, digits);
  }

  if (digits.length === 6) return fail;
  let isMotorbike: boolean;
  if (opts.kind) isMotorbike = opts.kind === "motorbike";
  else if (/^\d{2}\|/.test(marked)) isMotorbike = true; // 29-AA ...
  else if (/^\d{2}[A-ZĐ]{2}\|/.test(marked)) isMotorbike = false; // 51LD-...
  else isMotorbike = !CAR_TWO_LETTER_SERIES.has(letters);
  return isMotorbike ? motorbike(locality, letters, digits) : car(locality, letters, digits);
}
