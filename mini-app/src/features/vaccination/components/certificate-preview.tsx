import { Button, useNavigate } from "zmp-ui";
import { paths } from "../../../paths";
import { useVaccination, useVerification } from "../hooks";
import { useStrings } from "../i18n";
import { walletEntryFrom } from "../model/entry";
import { canSave } from "../model/verdict";
import { addCertificate, entryTitle, type CertificateSource } from "../storage/wallet";
import { CertificateFields } from "./certificate-fields";
import { VerdictBanner } from "./verdict-banner";
import { useNotify } from "./notify";

/**
 * A certificate just looked up, scanned or pasted: checked first, and only a valid one can be
 * saved. A refused one says why in plain words and is not kept anywhere.
 */
export function CertificatePreview({ hc1, source }: { hc1: string; source: CertificateSource }) {
  const { s } = useStrings();
  const runtime = useVaccination();
  const navigate = useNavigate();
  const notify = useNotify();
  const verification = useVerification(hc1);
  const result = verification.status === "done" ? verification.result : null;

  const save = () => {
    if (!result?.valid) return;
    const outcome = addCertificate(runtime.wallet.get(), walletEntryFrom(hc1, result.certificate, source), runtime.newId(), runtime.now());
    if (!outcome.ok) {
      notify("error", s.preview.full(runtime.wallet.get().length));
      return;
    }
    runtime.wallet.set(outcome.list);
    notify("success", outcome.replaced ? s.preview.updated(entryTitle(outcome.entry)) : s.preview.saved);
    navigate(paths.walletCertificate.getHref(outcome.entry.id), { replace: true });
  };

  return (
    <section className="kb-preview" data-testid="certificate-preview">
      <VerdictBanner verification={verification} />
      {verification.status === "done" && canSave(verification.result) ? (
        <Button variant="primary" size="large" fullWidth className="kb-cta" onClick={save}>
          {s.preview.save}
        </Button>
      ) : verification.status === "done" && result !== null ? (
        <p className="kb-hint">{s.verdict.refused}</p>
      ) : null}
      {result?.certificate ? (
        <div className="kb-card">
          <CertificateFields certificate={result.certificate} expiresAt={result.expiresAt} />
        </div>
      ) : null}
    </section>
  );
}
