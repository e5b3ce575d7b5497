import { PinIcon } from "../../../components/icons";
import { useI18n } from "../../../i18n";
import type { CheckpointSnapshot } from "../model/form";

/** The checkpoint being declared at, as scanned: shown, never edited. */
export function CheckpointCard({ checkpoint, note }: { checkpoint: CheckpointSnapshot; note?: string }) {
  const { t } = useI18n();
  const place = [checkpoint.address, checkpoint.provinceName].filter(Boolean).join(", ");
  return (
    <section className="kb-card kb-checkpoint-card" aria-label={t.checkpoint.label}>
      <p className="kb-eyebrow">
        {t.checkpoint.label} <span className="kb-code">{checkpoint.id}</span>
      </p>
      <p className="kb-checkpoint-card__name">{checkpoint.name}</p>
      {place ? (
        <p className="kb-checkpoint-card__place">
          <PinIcon className="kb-fact__icon" /> <span>{place}</span>
        </p>
      ) : null}
      {note ? <p className="kb-field__hint">{note}</p> : null}
    </section>
  );
}
