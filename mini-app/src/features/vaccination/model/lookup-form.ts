import { localizeIssue, parseWith, vaccinationLookupRequestSchema, type Lang, type VaccinationLookupRequest } from "@khaibao/shared";
import { isoFromTyped } from "./dates";

/** The lookup form as typed: the date of birth as `dd/mm/yyyy`, the phone possibly empty. */
export interface LookupForm {
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  phone: string;
}
export type LookupField = keyof LookupForm;
export const LOOKUP_FIELDS: readonly LookupField[] = ["idNumber", "fullName", "dateOfBirth", "phone"];

export const emptyLookupForm = (): LookupForm => ({ idNumber: "", fullName: "", dateOfBirth: "", phone: "" });

export type LookupCheck = { ok: true; request: VaccinationLookupRequest } | { ok: false; errors: Partial<Record<LookupField, string>> };

/**
 * Checks the form with the shared schema the server uses (so the phone and the server say the
 * same words, and a CCCD that contradicts the birth year is caught before asking the registry).
 * One message per field, the schema's first.
 */
export function checkLookup(form: LookupForm, lang: Lang): LookupCheck {
  const input = {
    idNumber: form.idNumber,
    fullName: form.fullName,
    dateOfBirth: isoFromTyped(form.dateOfBirth),
    ...(form.phone.trim() !== "" ? { phone: form.phone } : {}),
  };
  const result = parseWith(vaccinationLookupRequestSchema, input);
  if (result.ok) return { ok: true, request: result.data };
  const errors: Partial<Record<LookupField, string>> = {};
  for (const issue of result.issues) {
    const field = issue.path.split(".")[0] as LookupField;
    if (LOOKUP_FIELDS.includes(field) && !(field in errors)) errors[field] = localizeIssue(issue, lang).message;
  }
  return { ok: false, errors };
}
