import { z } from "zod";
import { validateIdNumber, normalizePhone } from "../identifiers";
import { birthDateSchema, personNameSchema } from "./fields";

export const genderSchema = z.enum(["male", "female", "other"], { error: "identity.gender_required" });
export const idKindSchema = z.enum(["cccd", "cmnd", "passport"], { error: "identity.id_kind_required" });

/** Who the declaration is for, seen from the person holding the phone. */
export const relationshipSchema = z.enum(["self", "child", "parent", "spouse", "relative", "other"]);

/** Phone typed loosely, stored as E.164 (+84...). */
export const phoneSchema = z.string().transform((raw, ctx) => {
  const r = normalizePhone(raw);
  if (r.ok) return r.e164;
  ctx.issues.push({ code: "custom", message: r.code, input: raw });
  return z.NEVER;
});

/** Vietnamese health insurance: 10-digit social insurance code, or the older 15-character card number. */
export const healthInsuranceSchema = z
  .string()
  .transform((s) => s.replace(/[\s.-]/g, "").toUpperCase())
  .pipe(z.string().regex(/^(\d{10}|[A-Z]{2}\d{13})$/, { error: "identity.insurance_format" }));

const identityFields = z.object({
  fullName: personNameSchema,
  idKind: idKindSchema,
  // Spaces, dots and dashes people type are dropped; passports are compared in upper case.
  idNumber: z.string().transform((s) => s.replace(/[\s.-]/g, "").toUpperCase()).pipe(z.string().min(1, { error: "required" })),
  birthDate: birthDateSchema,
  gender: genderSchema,
  nationality: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "identity.nationality_format" }).default("VN"),
  phone: phoneSchema,
  email: z.email({ error: "email_invalid" }).max(254).optional(),
  healthInsuranceNumber: healthInsuranceSchema.optional(),
  relationship: relationshipSchema.default("self"),
});

// Gender is optional here: the birth year check must not wait for the gender to be chosen.
const idCrossCheckInput = identityFields.pick({ idKind: true, idNumber: true, birthDate: true });

/**
 * Step 1: identity. The ID number is checked against the birth date and gender (a CCCD encodes
 * both); `when` lets the check run, and report on `idNumber`, even while unrelated fields such
 * as the phone are still wrong, so a person typing sees it at once.
 */
export const identitySchema = identityFields.superRefine(
  (v, ctx) => {
    const gender = genderSchema.safeParse(v.gender);
    const check = validateIdNumber(v.idNumber, { kind: v.idKind, birthDate: v.birthDate, ...(gender.success ? { gender: gender.data } : {}) });
    if (!check.ok) {
      ctx.addIssue({ code: "custom", message: check.code, path: ["idNumber"], input: v.idNumber, ...(check.params ? { params: check.params } : {}) });
    }
  },
  { when: (payload) => idCrossCheckInput.safeParse(payload.value).success },
);
export type Identity = z.output<typeof identitySchema>;
export type IdentityInput = z.input<typeof identitySchema>;
