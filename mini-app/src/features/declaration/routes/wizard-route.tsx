import { useRef } from "react";
import { Button, useNavigate } from "zmp-ui";
import { useParams } from "react-router-dom";
import { Screen } from "../../../components/screen";
import { paths } from "../../../paths";
import { useDraft } from "../hooks";
import { useI18n } from "../../../i18n";
import { useStrings } from "../i18n";
import { isStepId, type StepId } from "../model/steps";
import { CheckpointStep } from "../steps/checkpoint-step";
import { HealthStep } from "../steps/health-step";
import { IdentityStep } from "../steps/identity-step";
import { ResidenceStep } from "../steps/residence-step";
import { ReviewStep } from "../steps/review-step";
import { TripStep } from "../steps/trip-step";

const STEP_SCREENS: Record<StepId, () => JSX.Element | null> = {
  checkpoint: CheckpointStep,
  identity: IdentityStep,
  residence: ResidenceStep,
  trip: TripStep,
  health: HealthStep,
  review: ReviewStep,
};

/** No declaration in progress (sent, or cleared): nothing to fill in here. */
export function NoDraft() {
  const { s } = useStrings();
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Screen title={s.title}>
      <p className="kb-hint">{s.noDraft}</p>
      <Button variant="secondary" size="large" fullWidth onClick={() => navigate(paths.home.getHref(), { replace: true })}>
        {t.common.back}
      </Button>
    </Screen>
  );
}

/** `/declare/:step`: one step of the wizard over the draft kept on the phone. */
export function WizardRoute() {
  const { step } = useParams();
  const draft = useDraft();
  // The step keeps showing its last state while it slides out after "Cam kết và gửi".
  const hadDraft = useRef(draft !== null);
  if (draft) hadDraft.current = true;
  if (!isStepId(step) || !hadDraft.current) return <NoDraft />;
  const StepScreen = STEP_SCREENS[step];
  return <StepScreen key={step} />;
}
