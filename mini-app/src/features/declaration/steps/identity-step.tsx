import { useNavigate } from "zmp-ui";
import { paths } from "../../../paths";
import { ChoiceGroup } from "../components/choice-group";
import { IdentityFields } from "../components/identity-fields";
import { StepScreen } from "../components/step-screen";
import { useRuntime, useStored } from "../hooks";
import { useStrings } from "../i18n";
import { emptyForm } from "../model/form";
import { findPerson } from "../storage/profile";
import { useStepForm } from "../use-step-form";
import { useWizardNav } from "../use-wizard-nav";

const NEW = "__new__";

/** Step 2: who is declared: a person saved on this phone (self, a child, a parent) or someone new. */
export function IdentityStep() {
  const { s } = useStrings();
  const runtime = useRuntime();
  const people = useStored(runtime.people);
  const navigate = useNavigate();
  const f = useStepForm("identity");
  const nav = useWizardNav("identity");
  if (!f) return null;

  const current = findPerson(people, f.form.identity)?.id ?? NEW;
  const choose = (id: string) => {
    const person = people.find((p) => p.id === id);
    f.update((form) =>
      person
        ? { ...form, identity: { ...person.identity }, residence: { ...person.residence }, doses: person.doses }
        : { ...form, identity: { ...emptyForm().identity, relationship: "other" }, residence: emptyForm().residence, doses: null },
    );
  };

  return (
    <StepScreen step="identity" onNext={() => f.attempt() && nav.next()} hasErrors={Object.keys(f.shown).length > 0}>
      {people.length > 0 ? (
        <div className="kb-card kb-people-chooser">
          <ChoiceGroup
            path="identity.person"
            label={s.identity.forWhom}
            value={current}
            columns={1}
            choices={[
              ...people.map((p) => ({
                value: p.id,
                label: (
                  <span className="kb-choice__two-lines">
                    <span>{p.identity.fullName || s.people.unnamed}</span>
                    <span className="kb-choice__sub">{s.identity.relationships[p.identity.relationship]}</span>
                  </span>
                ),
              })),
              { value: NEW, label: s.identity.newPerson },
            ]}
            onChange={choose}
          />
          <button type="button" className="kb-link" onClick={() => navigate(paths.people.getHref())}>
            {s.identity.managePeople}
          </button>
        </div>
      ) : null}
      <IdentityFields f={f} />
    </StepScreen>
  );
}
