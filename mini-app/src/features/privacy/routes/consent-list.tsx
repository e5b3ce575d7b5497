import { useState } from "react";
import { Button } from "zmp-ui";
import { CONSENT_SCOPES, currentConsentText, type Consent, type ConsentScope, type MyConsentsResponse } from "@khaibao/shared";
import { declarationConsentMemory } from "../../../lib/consent-memory";
import { useApiClient } from "../../../lib/api-context";
import { withdrawConsent } from "../../../lib/privacy-api";
import { usePlatform } from "../../../platform";
import { formatTime } from "../format";
import { usePrivacyStrings } from "../i18n";

/** One card per scope: what it is, whether it is given (since when, which text), and "Rút lại". */
export function ConsentList({ data, onChange }: { data: MyConsentsResponse; onChange(next: MyConsentsResponse): void }) {
  const { p, lang } = usePrivacyStrings();
  const client = useApiClient();
  const platform = usePlatform();
  const [busy, setBusy] = useState<ConsentScope | null>(null);
  const [note, setNote] = useState<{ scope: ConsentScope; text: string } | null>(null);

  const withdraw = async (scope: ConsentScope) => {
    setBusy(scope);
    setNote(null);
    try {
      const next = await withdrawConsent(client, scope);
      if (scope === "declaration") declarationConsentMemory.markWithdrawn(platform.storage, new Date());
      onChange(next);
      setNote({ scope, text: `${p.withdrawn} ${scope === "declaration" ? p.withdrawNoteDeclaration : p.withdrawNotePrefill}` });
    } catch {
      setNote({ scope, text: p.failed });
    } finally {
      setBusy(null);
    }
  };

  return (
    <ul className="kb-privacy__list" aria-label={p.consentsTitle}>
      {CONSENT_SCOPES.map((scope) => {
        const latest: Consent | undefined = data.consents.find((c) => c.scope === scope);
        const active = data.active[scope];
        const status = active && latest ? p.activeSince(formatTime(latest.givenAt)) : latest?.withdrawnAt ? p.withdrawnAt(formatTime(latest.withdrawnAt)) : p.never;
        const text = currentConsentText(scope);
        return (
          <li key={scope} className="kb-card" data-testid={`consent-${scope}`}>
            <h3>{text.title[lang]}</h3>
            <p>
              <strong>{status}</strong>
            </p>
            {latest ? <p className="kb-muted">{p.versionOf(latest.version)}</p> : null}
            <p>{text.text[lang]}</p>
            {note?.scope === scope ? (
              <p className="kb-notice" role="status">
                {note.text}
              </p>
            ) : null}
            {active ? (
              <Button variant="secondary" size="medium" loading={busy === scope} onClick={() => void withdraw(scope)}>
                {p.withdraw}
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
