import { z } from "zod";
import { validateIdNumber } from "../identifiers";
import { isoDateSchema, personNameSchema } from "../declaration/fields";
import { phoneSchema } from "../declaration/identity";

/**
 * The EU Digital COVID Certificate (schema 1.3), which Vietnam's 2022 certificates follow. Field
 * names are the spec's short names, exactly as they sit in the CBOR payload. Only the
 * vaccination entry is modelled in full; test and recovery entries are accepted loosely so a
 * genuine certificate of another kind still verifies and says what it is.
 */

/** ICAO 9303 transliteration: upper-case A-Z, digits and `<` for spaces. */
const icaoName = z.string().max(80).regex(/^[A-Z0-9<]*$/);

export const dccNameSchema = z.object({
  /** Family name(s) as printed, any script. */
  fn: z.string().max(80).optional(),
  fnt: icaoName,
  gn: z.string().max(80).optional(),
  gnt: icaoName.optional(),
});
export type DccName = z.infer<typeof dccNameSchema>;

/** `YYYY-MM-DD`, or only `YYYY-MM`/`YYYY` when the day or month is unknown, or empty. */
export const dccBirthDateSchema = z.string().regex(/^((19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$/);

export const dccVaccinationSchema = z.object({
  /** Disease: 840539006 = COVID-19. */
  tg: z.string().min(1).max(50),
  /** Vaccine or prophylaxis type (SNOMED CT or ATC). */
  vp: z.string().min(1).max(50),
  /** Medicinal product (EU/1/20/1528, BBIBP-CorV...). */
  mp: z.string().min(1).max(50),
  /** Marketing authorisation holder or manufacturer. */
  ma: z.string().min(1).max(50),
  /** Dose number and the total in the series ("n of m"): boosters may read 3/3 or 3/2. */
  dn: z.number().int().min(1).max(9),
  sd: z.number().int().min(1).max(9),
  dt: isoDateSchema,
  /** Country of vaccination (ISO 3166-1 alpha-2). */
  co: z.string().regex(/^[A-Z]{2}$/),
  /** Certificate issuer. */
  is: z.string().min(1).max(80),
  /** Unique certificate identifier (`URN:UVCI:...`). */
  ci: z.string().min(1).max(80),
});
export type DccVaccination = z.infer<typeof dccVaccinationSchema>;

const dccOtherEntrySchema = z.looseObject({ tg: z.string(), co: z.string(), is: z.string(), ci: z.string() });

export const dccCertificateSchema = z
  .object({
    ver: z.string().regex(/^\d+\.\d+\.\d+$/),
    nam: dccNameSchema,
    dob: dccBirthDateSchema,
    v: z.array(dccVaccinationSchema).length(1).optional(),
    t: z.array(dccOtherEntrySchema).length(1).optional(),
    r: z.array(dccOtherEntrySchema).length(1).optional(),
  })
  .refine((c) => [c.v, c.t, c.r].filter((e) => e !== undefined).length === 1, {
    error: "vaccination.certificate_kind",
  });
export type DccCertificate = z.infer<typeof dccCertificateSchema>;

/**
 * One signer certificate the verifier trusts. `kid` is base64 of the first 8 bytes of the
 * SHA-256 of the DER certificate; `spki` is base64 of the DER SubjectPublicKeyInfo.
 */
export const trustEntrySchema = z.object({
  kid: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  alg: z.enum(["ES256", "PS256"]),
  spki: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  notBefore: z.iso.datetime({ offset: true }),
  notAfter: z.iso.datetime({ offset: true }),
  subject: z.string().optional(),
});
export type TrustEntry = z.infer<typeof trustEntrySchema>;

/** GET /api/vaccination/trust-list: the mini app caches it and shows its age. */
export const trustListSchema = z.object({
  /** Changes whenever the set of entries changes (a digest of them). */
  version: z.string().min(1),
  issuedAt: z.iso.datetime({ offset: true }),
  entries: z.array(trustEntrySchema),
});
export type TrustList = z.infer<typeof trustListSchema>;

export const VACCINATION_TRUST_LIST_PATH = "/api/vaccination/trust-list";
export const VACCINATION_LOOKUP_PATH = "/api/vaccination/lookup";
/** The error code of a lookup that found nothing, also for a wrong combination (no enumeration). */
export const VACCINATION_NOT_FOUND = "VACCINATION_NOT_FOUND";

/**
 * POST /api/vaccination/lookup: who is asking for their certificate. The ID number is checked
 * like on the declaration form (a CCCD against the birth year), so a typo is a field error
 * before the registry is asked.
 */
const lookupFields = z.object({
  idNumber: z
    .string()
    .transform((s) => s.replace(/[\s.-]/g, "").toUpperCase())
    .superRefine((id, ctx) => {
      // The shape alone (CCCD 12 digits, CMND 9, passport); the birth year is checked below.
      const check = validateIdNumber(id);
      if (!check.ok) ctx.addIssue({ code: "custom", message: check.code, input: id, ...(check.params ? { params: check.params } : {}) });
    }),
  fullName: personNameSchema,
  dateOfBirth: isoDateSchema,
  phone: phoneSchema.optional(),
});
const lookupCrossCheckInput = lookupFields.pick({ idNumber: true, dateOfBirth: true });

export const vaccinationLookupRequestSchema = lookupFields.superRefine(
  (v, ctx) => {
    const check = validateIdNumber(v.idNumber, { birthDate: v.dateOfBirth });
    if (!check.ok) {
      ctx.addIssue({ code: "custom", message: check.code, path: ["idNumber"], input: v.idNumber, ...(check.params ? { params: check.params } : {}) });
    }
  },
  // Like the declaration form: the ID is checked against the birth date even while other fields are wrong.
  { when: (payload) => lookupCrossCheckInput.safeParse(payload.value).success },
);
export type VaccinationLookupRequest = z.output<typeof vaccinationLookupRequestSchema>;
export type VaccinationLookupRequestInput = z.input<typeof vaccinationLookupRequestSchema>;

export const vaccinationLookupResponseSchema = z.object({ hc1: z.string().startsWith("HC1:") });
export type VaccinationLookupResponse = z.infer<typeof vaccinationLookupResponseSchema>;
