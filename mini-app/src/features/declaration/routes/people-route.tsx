import { useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import { Screen } from "../../../components/screen";
import { NEW_PERSON_ID, paths } from "../../../paths";
import { useRuntime, useStored } from "../hooks";
import { useStrings } from "../i18n";
import { maskIdNumber } from "@khaibao/shared";

/** `/people`: the people saved on this phone (list, add, edit, delete). */
export function PeopleRoute() {
  const { s } = useStrings();
  const runtime = useRuntime();
  const people = useStored(runtime.people);
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<string | null>(null);

  const remove = (id: string) => {
    runtime.people.update((list) => list.filter((p) => p.id !== id));
    // "Forget this person" includes the quick re-declaration made from their details.
    if (runtime.last.get()?.personId === id) runtime.last.set(null);
    setConfirming(null);
  };

  return (
    <Screen
      title={s.people.title}
      footer={
        <Button variant="primary" size="large" fullWidth className="kb-cta" onClick={() => navigate(paths.person.getHref(NEW_PERSON_ID))}>
          {s.people.add}
        </Button>
      }
    >
      <p className="kb-hint">{s.people.intro}</p>
      {people.length === 0 ? <p className="kb-muted">{s.people.empty}</p> : null}
      <ul className="kb-list" data-testid="people-list">
        {people.map((p) => {
          const name = p.identity.fullName || s.people.unnamed;
          return (
            <li key={p.id} className="kb-person">
              <div className="kb-person__text">
                <span className="kb-list__title">{name}</span>
                <span className="kb-list__meta">
                  {s.identity.relationships[p.identity.relationship]}
                  {p.identity.idNumber ? ` · ${maskIdNumber(p.identity.idNumber)}` : ""}
                </span>
              </div>
              {confirming === p.id ? (
                <div className="kb-person__confirm" role="alert">
                  <p>{s.people.confirmRemove(name)}</p>
                  <div className="kb-actions kb-actions--row">
                    <Button variant="secondary" size="medium" onClick={() => setConfirming(null)}>
                      {s.health.no}
                    </Button>
                    <Button variant="primary" type="danger" size="medium" onClick={() => remove(p.id)}>
                      {s.people.remove}
                    </Button>
                  </div>
                </div>
              ) : (
                <div className="kb-actions kb-actions--row">
                  <Button variant="secondary" size="medium" onClick={() => navigate(paths.person.getHref(p.id))} aria-label={`${s.people.edit}: ${name}`}>
                    {s.people.edit}
                  </Button>
                  <Button variant="tertiary" type="danger" size="medium" onClick={() => setConfirming(p.id)} aria-label={`${s.people.remove}: ${name}`}>
                    {s.people.remove}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </Screen>
  );
}
