import { useCallback, useMemo, useRef, useState } from "react";
import type { FieldError } from "@khaibao/shared";
import { useDraft, useRuntime, useStored } from "./hooks";
import { useStrings } from "./i18n";
import { fieldId } from "./components/field";
import type { DeclarationForm } from "./model/form";
import { stepOfPath, type StepId } from "./model/steps";
import { validateStep, visibleErrors, type FieldErrors } from "./model/validation";
import { formValueAt } from "./runtime";

/** Puts the cursor (and the screen) on the first field with an error, in the order they appear. */
export function focusFirstError(paths: readonly string[]): void {
  const elements = paths.map((p) => document.getElementById(fieldId(p))).filter((e): e is HTMLElement => e !== null);
  elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const first = elements[0];
  if (!first) return;
  first.scrollIntoView({ block: "center" });
  first.focus({ preventScroll: true });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface StepForm {
  form: DeclarationForm;
  update(change: (form: DeclarationForm) => DeclarationForm): void;
  /** The message to show under the field at `path`, if any. */
  errorOf(path: string): string | undefined;
  /** Every error shown now, by path (the error summary lists those without a field on screen). */
  shown: FieldErrors;
  /** Marks a field as left: from now on its errors show as the person types. */
  touch(path: string): void;
  /** "Tiếp tục": shows every error; true when there is none. */
  attempt(): boolean;
}

/** What field components need from a form, whether it is the draft or a saved person being edited. */
export type FormBinding = Pick<StepForm, "form" | "update" | "errorOf" | "touch">;

/**
 * A step's form state: the draft (persisted on every change), its errors from the step's shared
 * schema, and when to show them (after the field was left, or after "Tiếp tục"), plus the
 * server's field errors for this step until the field is changed.
 */
export function useStepForm(step: StepId): StepForm | null {
  const runtime = useRuntime();
  const draft = useDraft();
  const returned = useStored(runtime.returned);
  const { lang } = useStrings();
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  // Once sent, the draft is gone while this screen is still sliding out: keep showing what it
  // showed rather than flashing "nothing here".
  const lastForm = useRef<DeclarationForm | null>(null);
  if (draft) lastForm.current = draft.form;
  const form = draft?.form ?? lastForm.current;

  const errors = useMemo(() => (form ? validateStep(form, step, lang) : {}), [form, step, lang]);

  const serverErrors = useMemo(() => {
    const out: Record<string, FieldError> = {};
    if (!form || !returned) return out;
    for (const f of returned.fields) {
      const belongs = step === "review" || stepOfPath(f.path) === step;
      if (belongs && same(formValueAt(form, f.path), returned.values[f.path])) out[f.path] = { ...f, message: f.messages[lang] };
    }
    return out;
  }, [form, returned, step, lang]);

  const shown = useMemo(() => ({ ...visibleErrors(errors, touched, showAll), ...serverErrors }), [errors, touched, showAll, serverErrors]);

  const update = useCallback((change: (form: DeclarationForm) => DeclarationForm) => runtime.draft.update(change), [runtime]);
  const touch = useCallback((path: string) => setTouched((prev) => (prev.has(path) ? prev : new Set(prev).add(path))), []);
  const attempt = useCallback(() => {
    setShowAll(true);
    const paths = [...Object.keys(errors), ...Object.keys(serverErrors)];
    if (paths.length === 0) return true;
    // After React shows the messages.
    requestAnimationFrame(() => focusFirstError(paths));
    return false;
  }, [errors, serverErrors]);

  if (!form) return null;
  return { form, update, errorOf: (path) => shown[path]?.message, shown, touch, attempt };
}
