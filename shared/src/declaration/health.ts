import { z } from "zod";
import { answerSchema, freeText, isoDateTimeSchema } from "./fields";

/**
 * Step 4a: health in the last 14 days. Every question must be answered explicitly each time:
 * answers are never prefilled from an earlier declaration.
 */
export const healthSchema = z.object({
  fever: answerSchema,
  cough: answerSchema,
  shortnessOfBreath: answerSchema,
  soreThroat: answerSchema,
  fatigue: answerSchema,
  lossOfTasteOrSmell: answerSchema,
  contactWithCase: answerSchema,
  placesVisited: freeText(500).optional(),
});
export type Health = z.output<typeof healthSchema>;
export const SYMPTOM_KEYS = ["fever", "cough", "shortnessOfBreath", "soreThroat", "fatigue", "lossOfTasteOrSmell"] as const;

/** Step 4b: the latest test, if any. A PCR result was valid 72 h from sampling. */
export const testSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("none") }),
    z.object({
      kind: z.enum(["pcr", "rapid"]),
      result: z.enum(["negative", "positive"], { error: "test.result_required" }),
      sampledAt: isoDateTimeSchema,
    }),
  ],
  { error: "test.kind_required" },
);
export type TestResult = z.output<typeof testSchema>;

/** Step 4c: doses received; may point at a certificate saved in the wallet. */
export const vaccinationSchema = z.object({
  doses: z.number({ error: "vaccination.doses_required" }).int().min(0).max(6),
  certificateId: z.string().trim().max(80).optional(),
});
export type Vaccination = z.output<typeof vaccinationSchema>;

/** The text the citizen agrees to is versioned so the record says which words they saw. */
export const CONSENT_VERSION = "2026-11-01";

/** Step 5: the truthfulness commitment and the consent to pass the data to the authorities. */
export const commitmentSchema = z.object({
  truthful: z.literal(true, { error: "commitment.truthful_required" }),
  consent: z.literal(true, { error: "commitment.consent_required" }),
  consentVersion: z.string().min(1),
});
export type Commitment = z.output<typeof commitmentSchema>;
