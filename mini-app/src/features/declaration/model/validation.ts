import { z } from "zod";
import {
  checkpointIdSchema,
  declarationSchema,
  localizeIssue,
  parseWith,
  travelDirectionSchema,
  wizardStepSchemas,
  type Declaration,
  type FieldError,
  type FieldIssue,
  type Lang,
} from "@khaibao/shared";
import type { DeclarationForm } from "./form";
import type { StepId } from "./steps";
import { healthAndTestInput, identityInput, residenceInput, toDeclarationInput, tripInput } from "./to-input";

/**
 * Each step is checked with its shared schema (the same one the server uses), and every issue
 * is turned into a message with `localizeIssue`, so the phone and the server say the same words.
 * Errors are keyed by declaration path (`identity.idNumber`), which is also each field's id.
 */
export type FieldErrors = Readonly<Record<string, FieldError>>;

/** Step 1 checks the two trip fields it shows; the trip step leaves them out. */
const checkpointStepSchema = z.object({ checkpointId: checkpointIdSchema, direction: travelDirectionSchema });
const CHECKPOINT_PATHS = new Set(["trip.checkpointId", "trip.direction"]);

function prefixed(issues: readonly FieldIssue[], prefix: string): FieldIssue[] {
  return issues.map((i) => ({ ...i, path: prefix ? (i.path ? `${prefix}.${i.path}` : prefix) : i.path }));
}

/** One message per field (the schema's first, which is the most basic: "required" before "too short"). */
export function toFieldErrors(issues: readonly FieldIssue[], lang: Lang): FieldErrors {
  const out: Record<string, FieldError> = {};
  for (const issue of issues) {
    if (!(issue.path in out)) out[issue.path] = localizeIssue(issue, lang);
  }
  return out;
}

function issuesOf(result: { ok: true } | { ok: false; issues: FieldIssue[] }): FieldIssue[] {
  return result.ok ? [] : result.issues;
}

export function stepIssues(form: DeclarationForm, step: StepId): FieldIssue[] {
  switch (step) {
    case "checkpoint":
      return prefixed(
        issuesOf(parseWith(checkpointStepSchema, { checkpointId: form.checkpoint.id, direction: form.trip.direction || undefined })),
        "trip",
      );
    case "identity":
      return prefixed(issuesOf(parseWith(wizardStepSchemas.identity, identityInput(form.identity))), "identity");
    case "residence":
      return prefixed(issuesOf(parseWith(wizardStepSchemas.residence, residenceInput(form.residence))), "residence");
    case "trip":
      return prefixed(issuesOf(parseWith(wizardStepSchemas.trip, tripInput(form.trip, form.checkpoint.id))), "trip").filter(
        (i) => !CHECKPOINT_PATHS.has(i.path),
      );
    case "health":
      return issuesOf(parseWith(wizardStepSchemas.healthAndTest, healthAndTestInput(form)));
    case "review":
      return issuesOf(parseWith(declarationSchema, toDeclarationInput(form, true)));
  }
}

export function validateStep(form: DeclarationForm, step: StepId, lang: Lang): FieldErrors {
  return toFieldErrors(stepIssues(form, step), lang);
}

export type DeclarationCheck = { ok: true; declaration: Declaration } | { ok: false; issues: FieldIssue[] };

/** The whole declaration as it will be sent (normalised by the schema: +84 phone, canonical plate). */
export function checkDeclaration(form: DeclarationForm): DeclarationCheck {
  const result = parseWith(declarationSchema, toDeclarationInput(form, true));
  return result.ok ? { ok: true, declaration: result.data } : { ok: false, issues: result.issues };
}

/** Errors worth showing now: fields the person has left (or all of them after "Tiếp tục"). */
export function visibleErrors(errors: FieldErrors, touched: ReadonlySet<string>, showAll: boolean): FieldErrors {
  if (showAll) return errors;
  const out: Record<string, FieldError> = {};
  for (const [path, error] of Object.entries(errors)) if (touched.has(path)) out[path] = error;
  return out;
}
