import { useStrings } from "../i18n";
import { HEALTH_QUESTIONS, TEST_KINDS, TEST_RESULTS, type HealthQuestion, type TestForm } from "../model/form";
import type { FormBinding } from "../use-step-form";
import { ChoiceGroup } from "./choice-group";
import { TextField } from "./field";

const DOSES = [0, 1, 2, 3, 4, 5, 6] as const;

interface HealthFieldsProps {
  f: FormBinding;
  /** Free text about places visited (the full wizard only; the quick screen stays short). */
  withPlaces?: boolean;
  /** The doses question (the quick screen shows it only when the phone does not know it yet). */
  withDoses?: boolean;
}

/**
 * Seven yes/no questions, each with two big buttons and no answer chosen in advance, then the
 * latest test and the doses. Nothing here is ever prefilled from an earlier declaration.
 */
export function HealthFields({ f, withPlaces = true, withDoses = true }: HealthFieldsProps) {
  const { s } = useStrings();
  const { health, test, identity } = f.form;
  const setAnswer = (q: HealthQuestion, value: boolean) => {
    f.touch(`health.${q}`);
    f.update((form) => ({ ...form, health: { ...form.health, [q]: value } }));
  };
  const setTest = <K extends keyof TestForm>(key: K, value: TestForm[K]) => f.update((form) => ({ ...form, test: { ...form.test, [key]: value } }));
  const yesNo = [
    { value: true, label: s.health.yes },
    { value: false, label: s.health.no },
  ] as const;

  return (
    <>
      <section className="kb-card kb-health" aria-labelledby="kb-health-intro">
        <h3 id="kb-health-intro" className="kb-section__title">
          {identity.relationship === "self" ? s.health.intro : s.health.introOther}
        </h3>
        <p className="kb-field__hint">{s.health.answerEach}</p>
        {HEALTH_QUESTIONS.map((q) => (
          <ChoiceGroup
            key={q}
            path={`health.${q}`}
            label={s.health.questions[q]}
            value={health[q]}
            choices={yesNo}
            compact
            onChange={(v) => setAnswer(q, v)}
            error={f.errorOf(`health.${q}`)}
          />
        ))}
        {withPlaces ? (
          <TextField
            path="health.placesVisited"
            label={s.health.placesVisited}
            value={health.placesVisited}
            multiline
            onChange={(v) => f.update((form) => ({ ...form, health: { ...form.health, placesVisited: v } }))}
            onBlur={() => f.touch("health.placesVisited")}
            error={f.errorOf("health.placesVisited")}
          />
        ) : null}
      </section>
      <section className="kb-card" aria-label={s.health.test}>
        <ChoiceGroup
          path="test.kind"
          label={s.health.test}
          value={test.kind || null}
          choices={TEST_KINDS.map((k) => ({ value: k, label: s.health.testKinds[k] }))}
          columns={3}
          onChange={(k) => {
            f.touch("test.kind");
            setTest("kind", k);
          }}
          error={f.errorOf("test.kind")}
        />
        {test.kind === "pcr" || test.kind === "rapid" ? (
          <>
            <ChoiceGroup
              path="test.result"
              label={s.health.result}
              value={test.result || null}
              choices={TEST_RESULTS.map((r) => ({ value: r, label: s.health.results[r] }))}
              onChange={(r) => {
                f.touch("test.result");
                setTest("result", r);
              }}
              error={f.errorOf("test.result")}
            />
            <TextField
              path="test.sampledAt"
              label={s.health.sampledAt}
              type="datetime-local"
              value={test.sampledAt}
              onChange={(v) => setTest("sampledAt", v)}
              onBlur={() => f.touch("test.sampledAt")}
              error={f.errorOf("test.sampledAt")}
            />
          </>
        ) : null}
      </section>
      {withDoses ? (
        <section className="kb-card" aria-label={s.health.doses}>
          <ChoiceGroup
            path="vaccination.doses"
            label={s.health.doses}
            value={f.form.doses}
            choices={DOSES.map((n) => ({ value: n, label: String(n) }))}
            columns={4}
            onChange={(n) => {
              f.touch("vaccination.doses");
              f.update((form) => ({ ...form, doses: n }));
            }}
            error={f.errorOf("vaccination.doses")}
          />
        </section>
      ) : null}
    </>
  );
}
