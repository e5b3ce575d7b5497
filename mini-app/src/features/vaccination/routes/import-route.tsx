import { useId, useState, type FormEvent } from "react";
import { Button } from "zmp-ui";
import { QrIcon } from "../../../components/icons";
import { Screen } from "../../../components/screen";
import { isPlatformError, usePlatform } from "../../../platform";
import { CertificatePreview } from "../components/certificate-preview";
import { useTrustRefresh } from "../hooks";
import { useStrings } from "../i18n";
import type { CertificateSource } from "../storage/wallet";
import { useNotify } from "../components/notify";

/**
 * `/wallet/import`: a certificate the person already has (on paper, in an e-mail, in another
 * app). Scanning goes through the platform (Zalo's `scanQRCode`, undocumented, so pasting the
 * text is always offered too); either way it is verified before it can be saved.
 */
export function ImportRoute() {
  const { s } = useStrings();
  const platform = usePlatform();
  const notify = useNotify();
  useTrustRefresh();
  const textId = useId();
  const [text, setText] = useState("");
  const [empty, setEmpty] = useState(false);
  const [candidate, setCandidate] = useState<{ hc1: string; source: CertificateSource } | null>(null);

  const scan = async () => {
    try {
      const content = await platform.scanQR();
      setText(content);
      setCandidate({ hc1: content, source: "scan" });
    } catch (error) {
      if (isPlatformError(error, "cancelled")) return;
      notify("error", isPlatformError(error, "not_supported") ? s.import.scanUnsupported : s.import.scanFailed);
    }
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    // Texts pasted from e-mails arrive wrapped over several lines. Spaces inside are kept: the
    // space is one of Base45's 45 characters.
    const hc1 = text.replace(/[\r\n\t]+/g, "").trim();
    setEmpty(hc1 === "");
    setCandidate(hc1 === "" ? null : { hc1, source: "paste" });
  };

  return (
    <Screen title={s.import.title}>
      <p className="kb-hint">{s.import.intro}</p>
      {platform.kind === "zalo" ? (
        <Button variant="secondary" size="large" fullWidth prefixIcon={<QrIcon />} onClick={() => void scan()}>
          {s.import.scan}
        </Button>
      ) : null}
      <form className="kb-form" onSubmit={check} noValidate>
        <div className="kb-field">
          <label className="kb-field__label" htmlFor={textId}>
            {s.import.pasteLabel}
          </label>
          <textarea
            id={textId}
            className="kb-input kb-input--multiline kb-paste"
            rows={4}
            value={text}
            autoCapitalize="characters"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            placeholder="HC1:…"
            onChange={(e) => {
              setText(e.target.value);
              setCandidate(null);
            }}
          />
          <p className="kb-field-error" aria-live="polite" hidden={!empty}>
            {s.import.empty}
          </p>
        </div>
        <Button htmlType="submit" variant="primary" size="large" fullWidth className="kb-cta">
          {s.import.check}
        </Button>
      </form>
      {candidate ? <CertificatePreview key={candidate.hc1} hc1={candidate.hc1} source={candidate.source} /> : null}
    </Screen>
  );
}
