import { z } from "zod";
import { commitmentSchema, healthSchema, testSchema, vaccinationSchema } from "./health";
import { identitySchema } from "./identity";
import { residenceSchema } from "./residence";
import { tripSchema } from "./trip";

/** The whole declaration, as the mini app submits it and the server validates it. */
export const declarationSchema = z.object({
  identity: identitySchema,
  residence: residenceSchema,
  trip: tripSchema,
  health: healthSchema,
  test: testSchema,
  vaccination: vaccinationSchema,
  commitment: commitmentSchema,
});
export type Declaration = z.output<typeof declarationSchema>;
export type DeclarationInput = z.input<typeof declarationSchema>;

/** The wizard's steps, each validated with its own schema as the person types. */
export const wizardStepSchemas = {
  identity: identitySchema,
  residence: residenceSchema,
  trip: tripSchema,
  healthAndTest: z.object({ health: healthSchema, test: testSchema, vaccination: vaccinationSchema }),
  commitment: commitmentSchema,
} as const;
export type WizardStep = keyof typeof wizardStepSchemas;
