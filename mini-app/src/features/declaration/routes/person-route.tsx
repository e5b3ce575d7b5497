import { useCallback, useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { Button, useNavigate } from "zmp-ui";
import { Screen } from "../../../components/screen";
import { NEW_PERSON_ID } from "../../../paths";
import { ChoiceGroup } from "../components/choice-group";
import { IdentityFields } from "../components/identity-fields";
import { ResidenceFields } from "../components/residence-fields";
import { useRuntime, useStored } from "../hooks";
import { useStrings } from "../i18n";
import { emptyForm, type DeclarationForm } from "../model/form";
import { newUuid } from "../model/ids";
import { validateStep, visibleErrors } from "../model/validation";
import { personFrom, upsertPerson } from "../storage/profile";
import { focusFirstError, type FormBinding } from "../use-step-form";

const DOSES = [0, 1, 2, 3, 4, 5, 6] as const;

/** `/people/:personId` (or `new`): a saved person's details, checked with the same shared schemas as a declaration. */
export function PersonRoute() {
  const { personId = NEW_PERSON_ID } = useParams();
  const { s, lang } = useStrings();
  const runtime = useRuntime();
  const people = useStored(runtime.people);
  const navigate = useNavigate();
  const existing = people.find((p) => p.id === personId) ?? null;
  const [form, setForm] = useState<DeclarationForm>(() => ({
    ...emptyForm(),
    identity: existing ? { ...existing.identity } : { ...emptyForm().identity, relationship: "child" },
    residence: existing ? { ...existing.residence } : emptyForm().residence,
    doses: existing?.doses ?? null,
  }));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);

  const errors = useMemo(() => ({ ...validateStep(form, "identity", lang), ...validateStep(form, "residence", lang) }), [form, lang]);
  const shown = visibleErrors(errors, touched, showAll);
  const touch = useCallback((path: string) => setTouched((prev) => (prev.has(path) ? prev : new Set(prev).add(path))), []);
  const binding: FormBinding = { form, update: (change) => setForm((f) => change(f)), errorOf: (path) => shown[path]?.message, touch };

  const save = () => {
    setShowAll(true);
    const paths = Object.keys(errors);
    if (paths.length > 0) {
      requestAnimationFrame(() => focusFirstError(paths));
      return;
    }
    const id = existing?.id ?? newUuid();
    const now = runtime.now();
    runtime.people.update((list) => upsertPerson(list, personFrom(form, id, now)));
    // "Khai báo lại" uses the newest details of the person it is for.
    const last = runtime.last.get();
    if (last?.personId === id) runtime.last.set({ ...last, identity: { ...form.identity }, residence: { ...form.residence }, doses: form.doses });
    navigate(-1);
  };

  return (
    <Screen
      title={existing ? s.people.editTitle : s.people.addTitle}
      footer={
        <Button variant="primary" size="large" fullWidth className="kb-cta" onClick={save}>
          {s.people.save}
        </Button>
      }
    >
      <IdentityFields f={binding} />
      <ResidenceFields f={binding} />
      <ChoiceGroup
        path="vaccination.doses"
        label={s.health.doses}
        value={form.doses}
        choices={DOSES.map((n) => ({ value: n, label: String(n) }))}
        columns={4}
        onChange={(n) => setForm((f) => ({ ...f, doses: n }))}
      />
    </Screen>
  );
}
