import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "zmp-ui";
import { Screen } from "../../../components/screen";
import { useI18n } from "../../../i18n";
import { isApiError } from "../../../lib/api-client";
import { useApiClient } from "../../../lib/api-context";
import { useOnline } from "../../../platform";
import { lookupCertificate } from "../api/lookup";
import { CertificatePreview } from "../components/certificate-preview";
import { TextField } from "../components/text-field";
import { useTrustRefresh } from "../hooks";
import { useStrings } from "../i18n";
import { checkLookup, emptyLookupForm, LOOKUP_FIELDS, type LookupField, type LookupForm } from "../model/lookup-form";

type Lookup = { status: "idle" } | { status: "busy" } | { status: "found"; hc1: string } | { status: "failed"; message: string };

/**
 * `/wallet/lookup`: ID number, full name and date of birth (and the phone when the registry
 * wants it), checked as typed with the shared schema; the server asks the registry and answers
 * with the certificate's `HC1:` text, which is verified on the phone before it can be saved.
 */
export function LookupRoute() {
  const { s, lang } = useStrings();
  const { t } = useI18n();
  const client = useApiClient();
  const online = useOnline();
  useTrustRefresh();
  const [form, setForm] = useState<LookupForm>(emptyLookupForm);
  const [touched, setTouched] = useState<ReadonlySet<LookupField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [lookup, setLookup] = useState<Lookup>({ status: "idle" });
  const failure = useRef<HTMLElement>(null);
  // The answer appears under the form: bring it into view, above the pinned button.
  useEffect(() => {
    if (lookup.status === "failed") failure.current?.scrollIntoView({ block: "nearest" });
  }, [lookup]);

  const check = checkLookup(form, lang);
  const errorOf = (field: LookupField) => (!check.ok && (submitted || touched.has(field)) ? check.errors[field] : undefined);
  const bind = (field: LookupField) => ({
    name: field,
    value: form[field],
    onChange: (value: string) => {
      setForm((f) => ({ ...f, [field]: value }));
      if (lookup.status !== "busy") setLookup({ status: "idle" });
    },
    onBlur: () => setTouched((t) => new Set(t).add(field)),
    error: errorOf(field),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!check.ok) {
      const first = LOOKUP_FIELDS.find((f) => check.errors[f]);
      if (first) document.getElementById(`v-${first}`)?.focus();
      return;
    }
    setLookup({ status: "busy" });
    try {
      const { hc1 } = await lookupCertificate(client, check.request);
      setLookup({ status: "found", hc1 });
    } catch (error) {
      const message = !online
        ? s.lookup.offline
        : isApiError(error) && error.kind === "http"
          ? (error.messageIn(lang) ?? t.errors.networkBody)
          : isApiError(error) && error.kind === "invalid_response"
            ? t.errors.unexpectedResponse
            : t.errors.networkBody;
      setLookup({ status: "failed", message });
    }
  };

  if (lookup.status === "found") {
    return (
      <Screen title={s.lookup.title}>
        <CertificatePreview hc1={lookup.hc1} source="lookup" />
        <button type="button" className="kb-link" onClick={() => setLookup({ status: "idle" })}>
          {s.preview.another}
        </button>
      </Screen>
    );
  }

  return (
    <Screen
      title={s.lookup.title}
      footer={
        <Button variant="primary" size="large" fullWidth className="kb-cta" htmlType="submit" form="kb-lookup-form" loading={lookup.status === "busy"} disabled={lookup.status === "busy"}>
          {lookup.status === "busy" ? s.lookup.submitting : s.lookup.submit}
        </Button>
      }
    >
      <p className="kb-hint">{s.lookup.intro}</p>
      {!online ? (
        <section className="kb-notice kb-notice--warning" role="status">
          <p className="kb-notice__body">{s.lookup.offline}</p>
        </section>
      ) : null}
      <form id="kb-lookup-form" className="kb-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField {...bind("idNumber")} label={s.lookup.idNumber} inputMode="text" autoCapitalize="characters" autoComplete="off" spellCheck={false} />
        <TextField {...bind("fullName")} label={s.lookup.fullName} autoComplete="name" autoCapitalize="words" />
        <TextField {...bind("dateOfBirth")} label={s.lookup.dateOfBirth} hint={s.lookup.dateOfBirthHint} inputMode="numeric" placeholder="dd/mm/yyyy" autoComplete="bday" />
        <TextField {...bind("phone")} label={s.lookup.phone} hint={s.lookup.phoneHint} type="tel" inputMode="tel" autoComplete="tel" />
      </form>
      {submitted && !check.ok ? (
        <p className="kb-field-error" role="alert">
          {s.lookup.fixErrors}
        </p>
      ) : null}
      {lookup.status === "failed" ? (
        <section ref={failure} className="kb-notice kb-notice--error" role="alert" data-testid="lookup-error">
          <p className="kb-notice__body">{lookup.message}</p>
        </section>
      ) : null}
    </Screen>
  );
}
