import { z } from "zod";

/**
 * What the wizard holds while a person fills it in: every field as typed (strings, `null` for a
 * yes/no not answered yet), so nothing typed is lost to a parse. `toDeclarationInput` turns it
 * into the shared schema's input; the shared schemas do all the validating.
 *
 * Defined as a zod schema because the same shape is read back from the phone's storage, where it
 * may be old or damaged: every field falls back to its empty value instead of failing the whole
 * draft (`.catch`), so `formSchema.parse({})` is the empty form.
 */

const text = z.string().max(2_000).catch("");
const answer = z.boolean().nullable().catch(null);
const option = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(["", ...values] as ["", ...T]).catch("");

/** An object read from storage: anything that is not an object counts as empty. */
const section = <S extends z.ZodRawShape>(shape: S) =>
  z.preprocess((v) => (typeof v === "object" && v !== null && !Array.isArray(v) ? v : {}), z.object(shape));

export const RELATIONSHIPS = ["self", "child", "parent", "spouse", "relative", "other"] as const;
export const ID_KINDS = ["cccd", "cmnd", "passport"] as const;
export const GENDERS = ["male", "female", "other"] as const;
export const VEHICLES = ["car", "motorbike", "truck", "coach", "train", "plane", "other"] as const;
export const PURPOSES = ["work", "official", "medical", "goods", "other"] as const;
export const DIRECTIONS = ["into", "out_of"] as const;
export const TEST_KINDS = ["none", "pcr", "rapid"] as const;
export const TEST_RESULTS = ["negative", "positive"] as const;
export const HEALTH_QUESTIONS = [
  "fever",
  "cough",
  "shortnessOfBreath",
  "soreThroat",
  "fatigue",
  "lossOfTasteOrSmell",
  "contactWithCase",
] as const;
export type HealthQuestion = (typeof HEALTH_QUESTIONS)[number];
export type Vehicle = (typeof VEHICLES)[number];
export type Direction = (typeof DIRECTIONS)[number];

export const identityFormSchema = section({
  relationship: z.enum(RELATIONSHIPS).catch("self"),
  fullName: text,
  // Most people hold a CCCD: starting there saves a tap and is not an answer about them.
  idKind: z.enum(ID_KINDS).catch("cccd"),
  idNumber: text,
  /** As typed: `12/05/1990`, `1990-05-12` or just `1990`. */
  birthDate: text,
  gender: option(GENDERS),
  nationality: z.string().max(2).catch("VN"),
  phone: text,
  email: text,
  healthInsuranceNumber: text,
});
export type IdentityForm = z.infer<typeof identityFormSchema>;

export const placeFormSchema = section({
  provinceCode: text,
  wardCode: text,
  /** Shown on screen; the code is what is sent. */
  wardName: text,
});
export type PlaceForm = z.infer<typeof placeFormSchema>;

export const residenceFormSchema = section({
  provinceCode: text,
  wardCode: text,
  wardName: text,
  street: text,
});
export type ResidenceForm = z.infer<typeof residenceFormSchema>;

export const tripFormSchema = section({
  direction: option(DIRECTIONS),
  /** The direction the places below were given for; choosing the other one turns them round. */
  placesDirection: option(DIRECTIONS),
  departure: placeFormSchema,
  destination: placeFormSchema,
  /** `datetime-local` value in the phone's time zone: `2026-11-28T08:30`. */
  travelAt: text,
  vehicle: option(VEHICLES),
  plate: text,
  transportCode: text,
  seat: text,
  purpose: option(PURPOSES),
  purposeNote: text,
  employer: text,
});
export type TripForm = z.infer<typeof tripFormSchema>;

export const healthFormSchema = section({
  fever: answer,
  cough: answer,
  shortnessOfBreath: answer,
  soreThroat: answer,
  fatigue: answer,
  lossOfTasteOrSmell: answer,
  contactWithCase: answer,
  placesVisited: text,
});
export type HealthForm = z.infer<typeof healthFormSchema>;

export const testFormSchema = section({
  kind: option(TEST_KINDS),
  result: option(TEST_RESULTS),
  sampledAt: text,
});
export type TestForm = z.infer<typeof testFormSchema>;

/** The checkpoint as the QR code's landing screen loaded it: enough to declare offline. */
export const checkpointSnapshotSchema = section({
  id: text,
  name: text,
  direction: z.enum(["into", "out_of", "both"]).catch("both"),
  provinceCode: text,
  provinceName: text,
  address: text,
});
export type CheckpointSnapshot = z.infer<typeof checkpointSnapshotSchema>;

export const dosesSchema = z.number().int().min(0).max(6).nullable().catch(null);

export const formSchema = section({
  checkpoint: checkpointSnapshotSchema,
  identity: identityFormSchema,
  residence: residenceFormSchema,
  trip: tripFormSchema,
  health: healthFormSchema,
  test: testFormSchema,
  doses: dosesSchema,
});
export type DeclarationForm = z.infer<typeof formSchema>;

export function emptyForm(): DeclarationForm {
  return formSchema.parse({});
}

/** The health part of a fresh declaration: every question unanswered, no test chosen. */
export function freshHealth(): Pick<DeclarationForm, "health" | "test"> {
  return { health: healthFormSchema.parse({}), test: testFormSchema.parse({}) };
}
