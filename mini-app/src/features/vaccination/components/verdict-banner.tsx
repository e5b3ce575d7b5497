import { translate, messages, type VerifyResult } from "@khaibao/shared";
import { AlertIcon } from "../../../components/icons";
import { useVaccination, type Verification } from "../hooks";
import { useStrings } from "../i18n";
import { displayDay } from "../model/dates";
import { verdictOf } from "../model/verdict";

function CheckIcon() {
  return (
    <svg className="kb-verdict__icon" width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <circle cx="12" cy="12" r="9.5" />
      <path d="M7.5 12.5l3 3 6-6.5" />
    </svg>
  );
}

/** The step's own message from the shared catalogue (what support staff read), in the platform's language. */
function stepDetail(result: VerifyResult, lang: "vi" | "en"): string | null {
  if (result.valid) return null;
  return translate(messages, `vaccination.verify.${result.step}`, lang);
}

/**
 * The answer about a certificate, in one line a person understands ("Không phải chứng nhận thật"),
 * the precise reason under it, and the step's code for support staff. Green only when valid.
 */
export function VerdictBanner({ verification }: { verification: Verification }) {
  const { s, lang } = useStrings();
  const runtime = useVaccination();
  if (verification.status === "checking") {
    return (
      <section className="kb-verdict kb-verdict--checking" role="status" data-testid="certificate-verdict" data-verdict="checking">
        <p className="kb-verdict__title">{s.verdict.checking}</p>
      </section>
    );
  }
  const { result } = verification;
  const verdict = verdictOf(result);
  const good = verdict === "valid";
  return (
    <section className={`kb-verdict kb-verdict--${good ? "valid" : verdict === "unchecked" ? "unchecked" : "invalid"}`} role="status" data-testid="certificate-verdict" data-verdict={verdict}>
      <div className="kb-verdict__head">
        {good ? <CheckIcon /> : <AlertIcon className="kb-verdict__icon" />}
        <p className="kb-verdict__title">{s.verdict.titles[verdict]}</p>
      </div>
      {result?.valid ? <p className="kb-verdict__body">{s.verdict.validUntil(displayDay(result.expiresAt))}</p> : null}
      {result === null ? <p className="kb-verdict__body">{runtime.canCheckSignatures ? s.verdict.unchecked : s.verdict.noCrypto}</p> : null}
      {result && !result.valid ? (
        <>
          <p className="kb-verdict__body">{stepDetail(result, lang)}</p>
          <p className="kb-verdict__code">{s.verdict.code(result.step)}</p>
        </>
      ) : null}
    </section>
  );
}
