import type { Checkpoint } from "@khaibao/shared";
import { DirectionIcon, PinIcon } from "../../../components/icons";
import { useI18n } from "../../../i18n";

/** The checkpoint as a citizen needs to recognise it: big name, where it is, which way it checks. */
export function CheckpointDetails({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t } = useI18n();
  const area = [checkpoint.wardName, checkpoint.provinceName].filter((part) => part).join(", ");
  return (
    <section className="kb-card kb-checkpoint" aria-labelledby="kb-checkpoint-name">
      <p className="kb-eyebrow">
        {t.checkpoint.label} <span className="kb-code" aria-label={`${t.checkpoint.code} ${checkpoint.id}`}>{checkpoint.id}</span>
      </p>
      <h2 id="kb-checkpoint-name" className="kb-checkpoint__name">
        {checkpoint.name}
      </h2>
      <dl className="kb-facts">
        <div className="kb-fact">
          <PinIcon className="kb-fact__icon" />
          <div>
            <dt className="kb-fact__label">{t.checkpoint.place}</dt>
            <dd className="kb-fact__value">
              {checkpoint.address ? <span className="kb-fact__line">{checkpoint.address}</span> : null}
              <span className="kb-fact__line kb-fact__line--strong">{area}</span>
            </dd>
          </div>
        </div>
        <div className="kb-fact">
          <DirectionIcon className="kb-fact__icon" />
          <div>
            <dt className="kb-fact__label">{t.checkpoint.direction}</dt>
            <dd className="kb-fact__value kb-fact__line--strong">{t.checkpoint.directions[checkpoint.direction]}</dd>
          </div>
        </div>
      </dl>
    </section>
  );
}
