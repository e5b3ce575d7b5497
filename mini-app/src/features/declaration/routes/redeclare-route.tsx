import { Button, useNavigate } from "zmp-ui";
import { Screen } from "../../../components/screen";
import { declarationConsentMemory } from "../../../lib/consent-memory";
import { paths } from "../../../paths";
import { usePlatform } from "../../../platform";
import { ChoiceGroup } from "../components/choice-group";
import { CheckpointCard } from "../components/checkpoint-card";
import { CommitBox } from "../components/commit-box";
import { HealthFields } from "../components/health-fields";
import { commitDeclaration } from "../commit";
import { useRuntime } from "../hooks";
import { useStrings } from "../i18n";
import { DIRECTIONS } from "../model/form";
import { firstStepOf, type StepId } from "../model/steps";
import { chooseDirection } from "../model/trip";
import { DeclarationSummary } from "../steps/declaration-summary";
import { returnIssues } from "../steps/review-step";
import { NoDraft } from "./wizard-route";
import { useStepForm } from "../use-step-form";

/** Fields the quick screen shows; a problem anywhere else opens the full wizard there. */
function onQuickScreen(path: string): boolean {
  return path === "trip.direction" || path.startsWith("health.") || path.startsWith("test") || path === "vaccination.doses";
}

/**
 * `/redeclare`, "Khai báo lại như lần trước": the person, the vehicle and the places from the
 * last declaration on this phone, shown for a glance; the direction (only where the checkpoint
 * checks both ways); today's health questions and test, answered fresh; one button that
 * commits and sends. From the landing screen: tap 1 opens this, then the direction (tap 2, if
 * asked) and "Cam kết và gửi" (tap 2 or 3) give the receipt.
 */
export function RedeclareRoute() {
  const { s, lang } = useStrings();
  const runtime = useRuntime();
  const navigate = useNavigate();
  const f = useStepForm("review");
  const platform = usePlatform();
  // Sent (the draft moved to the outbox) or cleared. Never <Navigate> here: this screen stays
  // mounted while the next one slides in, and would drag the app back to the start.
  if (!f) return <NoDraft />;
  const { checkpoint, trip } = f.form;

  const editAll = (step: StepId) => {
    runtime.draft.start(f.form, { mode: "wizard", step: "review" });
    navigate(paths.declareStep.getHref(step, { fromReview: true }), { replace: true });
  };

  const commit = () => {
    const result = commitDeclaration(runtime, f.form);
    if (result.ok) {
      // The commitment just given is the consent again (the server records it with the declaration).
      declarationConsentMemory.forget(platform.storage);
      navigate(paths.sending.getHref(result.key), { replace: true });
      return;
    }
    const elsewhere = result.issues.filter((i) => !onQuickScreen(i.path));
    if (elsewhere.length > 0) {
      // Something remembered no longer passes (rules changed, data damaged): fix it in the wizard.
      returnIssues(runtime, f.form, result.issues, lang);
      editAll(firstStepOf(elsewhere.map((i) => i.path)) ?? "identity");
      return;
    }
    f.attempt();
  };

  return (
    <Screen
      title={s.quick.title}
      footer={
        <>
          <CommitBox />
          {Object.keys(f.shown).length > 0 ? (
            <p className="kb-field-error kb-footer-note" role="status">
              {s.fixErrors}
            </p>
          ) : null}
          <Button variant="primary" size="large" fullWidth className="kb-cta" onClick={commit} aria-describedby="kb-commit-text">
            {s.commit.button}
          </Button>
        </>
      }
    >
      <p className="kb-hint">{s.quick.intro}</p>
      <CheckpointCard checkpoint={checkpoint} />
      <DeclarationSummary form={f.form} parts={["identity", "trip"]} onEdit={(step) => editAll(step)} />
      <button type="button" className="kb-link" onClick={() => editAll("identity")}>
        {s.quick.changed}
      </button>
      {checkpoint.direction === "both" ? (
        <section className="kb-card">
          <ChoiceGroup
            path="trip.direction"
            label={s.checkpointStep.directionQuestion}
            value={trip.direction || null}
            choices={DIRECTIONS.map((d) => ({ value: d, label: s.checkpointStep.directions[d] }))}
            onChange={(d) => {
              f.touch("trip.direction");
              f.update((form) => ({ ...form, trip: chooseDirection(form.trip, d, form.checkpoint) }));
            }}
            error={f.errorOf("trip.direction")}
          />
        </section>
      ) : null}
      <HealthFields f={f} withPlaces={false} withDoses={f.form.doses === null} />
    </Screen>
  );
}
