import { z } from "zod";

/** Small reusable field schemas. Messages are catalogue codes (see ./messages.ts). */

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
export const isoDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date_invalid" })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { error: "date_invalid" });

/** Birth date: a full date, or a year alone (older people often only know the year). */
export const birthDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}-\d{2})?$/, { error: "identity.birth_date_invalid" })
  .refine((s) => s.length === 4 || isoDateSchema.safeParse(s).success, { error: "identity.birth_date_invalid" })
  .refine((s) => Number(s.slice(0, 4)) >= 1900, { error: "identity.birth_too_old" });

/** An instant with its offset, as the client's clock saw it: `2026-11-28T08:30:00+07:00` or `...Z`. */
export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: (iss) => (iss.input === undefined ? "required" : "datetime_invalid"),
});

/** Names: letters of any script, spaces, apostrophes, dots and hyphens; NFC and single spaces. */
export const personNameSchema = z
  .string()
  .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, { error: "required" })
      .min(2, { error: "name.too_short" })
      .max(100, { error: "too_long" })
      .regex(/^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u, { error: "name.invalid_chars" }),
  );

/** Free text a person types (street, places visited): trimmed, NFC, no control characters. */
export const freeText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .max(max, { error: "too_long" })
        // eslint-disable-next-line no-control-regex
        .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), { error: "text.control_chars" }),
    );

export const requiredText = (max: number) => freeText(max).pipe(z.string().min(1, { error: "required" }));

/** Yes/no answers must be given explicitly: a missing answer is "required", never false. */
export const answerSchema = z.boolean({ error: (iss) => (iss.input === undefined ? "health.answer_required" : "invalid_type") });
