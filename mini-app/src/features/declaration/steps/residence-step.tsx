import { ResidenceFields } from "../components/residence-fields";
import { StepScreen } from "../components/step-screen";
import { useStrings } from "../i18n";
import { useStepForm } from "../use-step-form";
import { useWizardNav } from "../use-wizard-nav";

/** Step 3: where the declared person lives. */
export function ResidenceStep() {
  const { s } = useStrings();
  const f = useStepForm("residence");
  const nav = useWizardNav("residence");
  if (!f) return null;
  return (
    <StepScreen step="residence" onNext={() => f.attempt() && nav.next()} hasErrors={Object.keys(f.shown).length > 0}>
      <p className="kb-hint">{s.residence.intro}</p>
      <ResidenceFields f={f} />
    </StepScreen>
  );
}
