import { Button, useNavigate } from "zmp-ui";
import { useParams } from "react-router-dom";
import { Navigate } from "react-router-dom";
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

/** `/declare/:step`: one step of the wizard over the draft kept on the phone. */
export function WizardRoute() {
  const { step } = useParams();
  const draft = useDraft();
  const { s } = useStrings();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!isStepId(step)) return <Navigate to={paths.home.getHref()} replace />;
  if (!draft) {
    // Sent meanwhile (from another screen), or cleared: nothing to fill in here.
    return (
      <Screen title={s.title}>
        <p className="kb-hint">{s.noDraft}</p>
        <Button variant="secondary" size="large" fullWidth onClick={() => navigate(paths.home.getHref(), { replace: true })}>
          {t.common.back}
        </Button>
      </Screen>
    );
  }
  const StepScreen = STEP_SCREENS[step];
  return <StepScreen key={step} />;
}
