import { AlertIcon } from "../../../components/icons";
import { useI18n } from "../../../i18n";
import { CheckpointCodeForm } from "./checkpoint-code-form";
import { CheckpointList } from "./checkpoint-list";

/**
 * The scanned link named a checkpoint we do not know (mistyped, damaged or old QR code). Say
 * which code we looked for, how to fix it, and offer the active checkpoints right here.
 */
export function CheckpointNotFound({ checkpointId }: { checkpointId: string }) {
  const { t } = useI18n();
  return (
    <>
      <section className="kb-notice kb-notice--warning" role="alert" data-testid="checkpoint-not-found">
        <AlertIcon className="kb-notice__icon" />
        <h2 className="kb-notice__title">{t.notFound.title(checkpointId)}</h2>
        <p className="kb-notice__body">{t.notFound.why}</p>
        <h3 className="kb-notice__subtitle">{t.notFound.howToFix}</h3>
        <ol className="kb-steps">
          <li>{t.notFound.scanAgain}</li>
          <li>{t.notFound.pickFromList}</li>
        </ol>
      </section>
      <CheckpointList />
      <CheckpointCodeForm />
    </>
  );
}
