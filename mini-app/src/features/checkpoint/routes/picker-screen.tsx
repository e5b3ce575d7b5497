import { Screen } from "../../../components/screen";
import { useI18n } from "../../../i18n";
import { CheckpointCodeForm } from "../components/checkpoint-code-form";
import { CheckpointList } from "../components/checkpoint-list";
import type { CheckpointSlots } from "./checkpoint-screen";

/** Opened without a checkpoint (or the user wants another one): pick from the active ones. */
export function PickerScreen({ slots = {} }: { slots?: CheckpointSlots }) {
  const { t } = useI18n();
  return (
    <Screen title={t.app.title}>
      <section className="kb-intro">
        <h2 className="kb-intro__title">{t.picker.title}</h2>
        <p className="kb-intro__body">{t.picker.intro}</p>
      </section>
      {slots.extras?.(undefined)}
      <CheckpointList />
      <CheckpointCodeForm />
    </Screen>
  );
}
