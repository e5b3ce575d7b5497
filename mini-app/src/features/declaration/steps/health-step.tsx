import { HealthFields } from "../components/health-fields";
import { StepScreen } from "../components/step-screen";
import { useStepForm } from "../use-step-form";
import { useWizardNav } from "../use-wizard-nav";

/** Step 5: health in the last 14 days, the latest test, vaccine doses. */
export function HealthStep() {
  const f = useStepForm("health");
  const nav = useWizardNav("health");
  if (!f) return null;
  return (
    <StepScreen step="health" onNext={() => f.attempt() && nav.next()} hasErrors={Object.keys(f.shown).length > 0}>
      <HealthFields f={f} />
    </StepScreen>
  );
}
