import { useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { Button, Modal, useNavigate } from "zmp-ui";
import { decodeHc1 } from "@khaibao/shared";
import { QrCode } from "../../../components/qr-code";
import { Screen } from "../../../components/screen";
import { paths } from "../../../paths";
import { isPlatformError, usePlatform } from "../../../platform";
import { CertificateFields } from "../components/certificate-fields";
import { FullScreenQr } from "../components/full-screen-qr";
import { TrustAge } from "../components/trust-age";
import { VerdictBanner } from "../components/verdict-banner";
import { useStored, useTrustRefresh, useVaccination, useVerification } from "../hooks";
import { useStrings } from "../i18n";
import { displayDate } from "../model/dates";
import { certificateQrPng, imageFileName } from "../model/qr-image";
import { MAX_LABEL_LENGTH, entryTitle, removeCertificate, renameCertificate } from "../storage/wallet";
import { useNotify } from "../components/notify";

/**
 * `/wallet/certificates/:certificateId`: what the citizen shows. The QR first (tap: full screen,
 * black on white), whose it is, whether it is valid (checked on the phone against the cached
 * trust list, so it works offline), the certificate's fields, then saving the QR image, sharing,
 * renaming and deleting.
 */
export function CertificateRoute() {
  const { certificateId = "" } = useParams();
  const { s } = useStrings();
  const runtime = useVaccination();
  const platform = usePlatform();
  const navigate = useNavigate();
  const notify = useNotify();
  const wallet = useStored(runtime.wallet);
  const entry = wallet.find((e) => e.id === certificateId) ?? null;
  const verification = useVerification(entry?.hc1 ?? null);
  useTrustRefresh();
  const [fullScreen, setFullScreen] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  // Verified when it was saved: its fields still show when today's check cannot vouch for it
  // (expired, or a trust list that no longer has its signer), beside the verdict that says so.
  const decoded = useMemo(() => {
    if (!entry) return null;
    try {
      return decodeHc1(entry.hc1);
    } catch {
      return null; // the verdict above already says what is wrong with it
    }
  }, [entry]);

  if (!entry) {
    return (
      <Screen title={s.title}>
        <p className="kb-hint">{s.certificate.notFound}</p>
      </Screen>
    );
  }

  const title = entryTitle(entry);
  const result = verification.status === "done" ? verification.result : null;
  const certificate = result?.certificate ?? (decoded?.ok ? decoded.certificate : undefined);
  const expiresAt = result?.expiresAt ?? (decoded?.ok ? new Date(decoded.expiresAt * 1000).toISOString() : undefined);

  const saveImage = async () => {
    try {
      const png = certificateQrPng(entry.hc1, [entry.holderName, displayDate(entry.dateOfBirth)]);
      await platform.saveImage(png, imageFileName(entry.holderName));
      notify("success", s.certificate.imageSaved);
    } catch (error) {
      if (isPlatformError(error, "cancelled")) return;
      notify("error", s.certificate.imageFailed);
    }
  };

  const share = async () => {
    try {
      const png = certificateQrPng(entry.hc1, [entry.holderName, displayDate(entry.dateOfBirth)]);
      await platform.share({ text: `${s.certificate.shareText(entry.holderName)}\n${entry.hc1}`, image: { dataUrl: png, fileName: imageFileName(entry.holderName) } });
    } catch (error) {
      if (isPlatformError(error, "cancelled")) return;
      notify("error", s.certificate.shareFailed);
    }
  };

  const saveName = () => {
    if (renaming === null) return;
    runtime.wallet.set(renameCertificate(runtime.wallet.get(), entry.id, renaming));
    setRenaming(null);
  };

  const remove = () => {
    setDeleting(false);
    runtime.wallet.set(removeCertificate(runtime.wallet.get(), entry.id));
    notify("success", s.remove.done);
    navigate(paths.wallet.getHref(), { replace: true, direction: "backward" });
  };

  return (
    <Screen title={title}>
      <section className="kb-cert-show" aria-labelledby="kb-cert-holder">
        <p id="kb-cert-holder" className="kb-cert-show__name">
          {entry.holderName}
        </p>
        <p className="kb-cert-show__dob">{displayDate(entry.dateOfBirth)}</p>
        <button type="button" className="kb-cert-show__qr" aria-label={s.certificate.enlarge} onClick={() => setFullScreen(true)}>
          <QrCode text={entry.hc1} label={s.certificate.qrLabel(entry.holderName)} level="Q" testId="certificate-qr" />
        </button>
        <p className="kb-hint kb-cert-show__tap">{s.certificate.tapToEnlarge}</p>
      </section>
      <VerdictBanner verification={verification} />
      <div className="kb-cert-actions">
        <Button variant="primary" size="large" fullWidth onClick={() => setFullScreen(true)}>
          {s.certificate.enlarge}
        </Button>
        <Button variant="secondary" size="large" onClick={() => void saveImage()}>
          {s.certificate.saveImage}
        </Button>
        <Button variant="secondary" size="large" onClick={() => void share()}>
          {s.certificate.share}
        </Button>
      </div>
      {certificate ? (
        <div className="kb-card">
          <CertificateFields certificate={certificate} expiresAt={expiresAt} />
        </div>
      ) : null}
      <TrustAge />
      <div className="kb-cert-actions">
        <Button variant="tertiary" size="large" onClick={() => setRenaming(entry.label || entry.holderName)}>
          {s.certificate.rename}
        </Button>
        <Button variant="tertiary" size="large" type="danger" onClick={() => setDeleting(true)}>
          {s.certificate.delete}
        </Button>
      </div>

      {fullScreen ? <FullScreenQr hc1={entry.hc1} name={entry.holderName} onClose={() => setFullScreen(false)} /> : null}

      <Modal
        visible={renaming !== null}
        modalClassName="kb-modal"
        title={s.rename.title}
        onClose={() => setRenaming(null)}
        actions={[
          { text: s.rename.cancel, close: true },
          { text: s.rename.save, highLight: true, onClick: saveName },
        ]}
      >
        <label className="kb-field__label" htmlFor="kb-rename">
          {s.rename.label}
        </label>
        <p className="kb-field__hint">{s.rename.hint}</p>
        <input
          id="kb-rename"
          className="kb-input"
          value={renaming ?? ""}
          maxLength={MAX_LABEL_LENGTH}
          onChange={(e) => setRenaming(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") saveName();
          }}
        />
      </Modal>

      <Modal
        visible={deleting}
        modalClassName="kb-modal"
        title={s.remove.title(title)}
        description={s.remove.body}
        onClose={() => setDeleting(false)}
        actions={[
          { text: s.remove.cancel, close: true },
          { text: s.remove.confirm, danger: true, onClick: remove },
        ]}
      />
    </Screen>
  );
}
