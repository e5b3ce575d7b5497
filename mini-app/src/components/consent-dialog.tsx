import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { Button } from "zmp-ui";
import { currentConsentText, type ConsentScope } from "@khaibao/shared";
import { useI18n } from "../i18n";
import { useApiClient } from "../lib/api-context";
import { getConsents, giveConsent } from "../lib/privacy-api";
import "./consent-dialog.css";

interface ConsentDialogProps {
  scope: ConsentScope;
  busy: boolean;
  error: string | null;
  onAgree(): void;
  onDecline(): void;
}

/** The consent text of one scope (from the shared catalogue, as the server records it) and two answers. */
export function ConsentDialog({ scope, busy, error, onAgree, onDecline }: ConsentDialogProps) {
  const { t, lang } = useI18n();
  const titleId = useId();
  const text = currentConsentText(scope);
  return createPortal(
    <div className="kb-consent" role="dialog" aria-modal="true" aria-labelledby={titleId}>
      <div>
        <h2 id={titleId} className="kb-notice__title">
          {text.title[lang]}
        </h2>
        <p>{text.text[lang]}</p>
        <p className="kb-muted">{t.consent.version(text.version)}</p>
        {error ? (
          <p className="kb-notice kb-notice--error" role="alert">
            {error}
          </p>
        ) : null}
        <Button fullWidth loading={busy} onClick={onAgree}>
          {t.consent.agree}
        </Button>
        <Button fullWidth variant="secondary" disabled={busy} onClick={onDecline}>
          {t.consent.decline}
        </Button>
      </div>
    </div>,
    document.body,
  );
}

/**
 * Before reading the phone number or the Zalo name: `ensure()` resolves true when the citizen's
 * consent for the scope is recorded on our server (asking them first if it is not), false when
 * they decline. Render `dialog` somewhere in the screen.
 */
export function useConsentGate(scope: ConsentScope): { ensure(): Promise<boolean>; dialog: ReactNode } {
  const client = useApiClient();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const answer = useRef<((agreed: boolean) => void) | null>(null);

  const ensure = useCallback(async () => {
    const { active } = await getConsents(client);
    if (active[scope]) return true;
    setError(null);
    setOpen(true);
    return new Promise<boolean>((resolve) => {
      answer.current = resolve;
    });
  }, [client, scope]);

  const close = (agreed: boolean) => {
    setOpen(false);
    answer.current?.(agreed);
    answer.current = null;
  };
  const agree = async () => {
    setBusy(true);
    try {
      await giveConsent(client, scope, currentConsentText(scope).version);
      close(true);
    } catch {
      setError(t.consent.failed);
    } finally {
      setBusy(false);
    }
  };

  const dialog = open ? <ConsentDialog scope={scope} busy={busy} error={error} onAgree={() => void agree()} onDecline={() => close(false)} /> : null;
  return { ensure, dialog };
}
