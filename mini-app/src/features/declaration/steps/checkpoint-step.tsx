import { ChoiceGroup } from "../components/choice-group";
import { CheckpointCard } from "../components/checkpoint-card";
import { StepScreen } from "../components/step-screen";
import { useStrings } from "../i18n";
import { DIRECTIONS } from "../model/form";
import { chooseDirection } from "../model/trip";
import { useStepForm } from "../use-step-form";
import { useWizardNav } from "../use-wizard-nav";

/** Step 1: the checkpoint from the QR code, and the direction (chosen only where both are checked). */
export function CheckpointStep() {
  const { s } = useStrings();
  const f = useStepForm("checkpoint");
  const nav = useWizardNav("checkpoint");
  if (!f) return null;
  const { checkpoint, trip } = f.form;
  const directionChoices = DIRECTIONS.map((d) => ({ value: d, label: s.checkpointStep.directions[d] }));

  return (
    <StepScreen step="checkpoint" onNext={() => f.attempt() && nav.next()} hasErrors={Object.keys(f.shown).length > 0}>
      <CheckpointCard checkpoint={checkpoint} note={s.checkpointStep.fromQr} />
      {checkpoint.direction === "both" ? (
        <ChoiceGroup
          path="trip.direction"
          label={s.checkpointStep.directionQuestion}
          value={trip.direction || null}
          choices={directionChoices}
          columns={1}
          onChange={(d) => {
            f.touch("trip.direction");
            f.update((form) => ({ ...form, trip: chooseDirection(form.trip, d, form.checkpoint) }));
          }}
          error={f.errorOf("trip.direction")}
        />
      ) : (
        <div className="kb-card kb-fixed-value">
          <p className="kb-field__label">{s.checkpointStep.direction}</p>
          <p className="kb-fixed-value__text">{s.checkpointStep.directions[checkpoint.direction]}</p>
        </div>
      )}
    </StepScreen>
  );
}
