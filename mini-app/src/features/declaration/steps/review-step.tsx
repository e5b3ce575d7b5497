import { localizeIssue, type FieldIssue } from "@khaibao/shared";
import { useNavigate } from "zmp-ui";
import { declarationConsentMemory } from "../../../lib/consent-memory";
import { paths } from "../../../paths";
import { usePlatform } from "../../../platform";
import { CommitBox } from "../components/commit-box";
import { StepScreen } from "../components/step-screen";
import { commitDeclaration } from "../commit";
import { useRuntime, useStored } from "../hooks";
import { useStrings } from "../i18n";
import type { DeclarationForm } from "../model/form";
import { firstStepOf } from "../model/steps";
import { formValueAt, type DeclarationRuntime } from "../runtime";
import { useStepForm } from "../use-step-form";
import { useWizardNav } from "../use-wizard-nav";
import { DeclarationSummary } from "./declaration-summary";

/** Issues found at commit time are shown on their fields, like the server's, until changed. */
export function returnIssues(runtime: DeclarationRuntime, form: DeclarationForm, issues: readonly FieldIssue[], lang: "vi" | "en"): void {
  const fields = issues.map((i) => localizeIssue(i, lang));
  const values: Record<string, unknown> = {};
  for (const f of fields) values[f.path] = formValueAt(form, f.path);
  runtime.returned.set({ fields, values, message: null });
}

/** Step 6: everything in plain words, the commitment and consent, one button. */
export function ReviewStep() {
  const { s, lang } = useStrings();
  const runtime = useRuntime();
  const returned = useStored(runtime.returned);
  const navigate = useNavigate();
  const f = useStepForm("review");
  const platform = usePlatform();
  const nav = useWizardNav("review");
  if (!f) return null;

  const commit = () => {
    const result = commitDeclaration(runtime, f.form);
    if (result.ok) {
      // The commitment just given is the consent again (the server records it with the declaration).
      declarationConsentMemory.forget(platform.storage);
      navigate(paths.sending.getHref(result.key), { replace: true });
      return;
    }
    returnIssues(runtime, f.form, result.issues, lang);
    nav.goTo(firstStepOf(result.issues.map((i) => i.path)) ?? "identity", { fromReview: true });
  };

  return (
    <StepScreen step="review" onNext={commit} nextLabel={s.commit.button} beforeFooter={<CommitBox />}>
      <p className="kb-hint">{s.review.intro}</p>
      {returned?.message ? (
        <section className="kb-notice kb-notice--error" role="alert">
          <h3 className="kb-notice__title">{s.review.returnedTitle}</h3>
          <p className="kb-notice__body">{returned.message[lang]}</p>
        </section>
      ) : null}
      <DeclarationSummary form={f.form} onEdit={(step) => nav.goTo(step, { fromReview: true })} />
    </StepScreen>
  );
}
