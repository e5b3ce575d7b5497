import { useEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { QrCode } from "../../../components/qr-code";
import { useStrings } from "../i18n";

interface Props {
  hc1: string;
  name: string;
  onClose(): void;
}

/**
 * The QR as large as the screen allows, black on pure white with nothing else competing for
 * the scanner: what the citizen turns towards an officer. Any tap closes it; the name stays
 * under the code so the officer knows whose it is.
 */
export function FullScreenQr({ hc1, name, onClose }: Props) {
  const { s } = useStrings();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);
  return createPortal(
    <div className="kb-fullqr" role="dialog" aria-modal="true" aria-label={s.certificate.qrLabel(name)} data-testid="fullscreen-qr" onClick={onClose}>
      <QrCode text={hc1} label={s.certificate.qrLabel(name)} level="Q" testId="fullscreen-qr-code" className="kb-fullqr__code" />
      <p className="kb-fullqr__name">{name}</p>
      <p className="kb-fullqr__hint">{s.fullScreen.brightness}</p>
      <button ref={close} type="button" className="kb-fullqr__close" onClick={onClose}>
        {s.fullScreen.close}
      </button>
    </div>,
    document.body,
  );
}
