import type { ReactNode } from "react";
import { Button } from "zmp-ui";
import { Screen } from "../../../components/screen";
import type { FieldError } from "@khaibao/shared";
import { useStrings } from "../i18n";
import { STEPS, stepNumber, type StepId } from "../model/steps";
import { useWizardNav } from "../use-wizard-nav";
import { StepProgress } from "./progress";

interface StepScreenProps {
  step: StepId;
  children: ReactNode;
  onNext(): void;
  nextLabel?: string;
  /** Errors shown now whose field is not on the screen (or is folded away): listed above the button. */
  unplaced?: readonly FieldError[];
  /** True when some errors are shown: a line above the button says so. */
  hasErrors?: boolean;
  /** Next to the main button (the commitment text on the review step). */
  beforeFooter?: ReactNode;
}

/** One wizard step: progress on top, the fields, the main action pinned to the bottom. */
export function StepScreen({ step, children, onNext, nextLabel, unplaced = [], hasErrors, beforeFooter }: StepScreenProps) {
  const { s } = useStrings();
  const nav = useWizardNav(step);
  return (
    <Screen
      title={s.title}
      onBack={nav.back}
      footer={
        <>
          {beforeFooter}
          {hasErrors ? (
            <p className="kb-field-error kb-footer-note" role="status">
              {s.fixErrors}
            </p>
          ) : null}
          <Button variant="primary" size="large" fullWidth className="kb-cta" onClick={onNext}>
            {nextLabel ?? (nav.fromReview ? s.backToReview : s.next)}
          </Button>
        </>
      }
    >
      <StepProgress n={stepNumber(step)} total={STEPS.length} label={s.stepOf(stepNumber(step), STEPS.length)} title={s.steps[step]} />
      <h2 className="kb-visually-hidden">{s.steps[step]}</h2>
      {children}
      {unplaced.length > 0 ? (
        <ul className="kb-notice kb-notice--error kb-error-list" role="alert">
          {unplaced.map((e) => (
            <li key={e.path}>{e.message}</li>
          ))}
        </ul>
      ) : null}
    </Screen>
  );
}
