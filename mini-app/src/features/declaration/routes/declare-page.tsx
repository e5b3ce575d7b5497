import { useSearchParams } from "zmp-ui";
import { Screen } from "../../../components/screen";
import { useI18n } from "../../../i18n";

/**
 * `/declare?checkpoint=<id>`: the declaration wizard. Loaded lazily, so the landing screen does
 * not pay for the forms. This issue only opens it on its first step.
 */
export default function DeclarePage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const checkpointId = params.get("checkpoint");
  return (
    <Screen title={t.declare.title}>
      <section className="kb-intro">
        <p className="kb-eyebrow">{t.declare.step(1)}</p>
        <h2 className="kb-intro__title">{t.declare.personalInfo}</h2>
        {checkpointId ? <p className="kb-intro__body">{t.declare.atCheckpoint(checkpointId)}</p> : null}
      </section>
    </Screen>
  );
}
