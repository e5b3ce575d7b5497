import type { ReactNode } from "react";
import { provinceByCode } from "@khaibao/shared";
import { useStrings } from "../i18n";
import { formatLocalInput } from "../model/dates";
import { HEALTH_QUESTIONS, type DeclarationForm, type PlaceForm } from "../model/form";
import type { StepId } from "../model/steps";
import { canonicalPlate } from "../model/plate";

export function placeName(p: PlaceForm): string {
  return [p.wardName, provinceByCode(p.provinceCode)?.name ?? p.provinceCode].filter(Boolean).join(", ");
}

function Section({ title, onEdit, editLabel, children }: { title: string; onEdit?: () => void; editLabel: string; children: ReactNode }) {
  return (
    <section className="kb-card kb-summary">
      <header className="kb-summary__header">
        <h3 className="kb-summary__title">{title}</h3>
        {onEdit ? (
          <button type="button" className="kb-link kb-summary__edit" onClick={onEdit} aria-label={`${editLabel}: ${title}`}>
            {editLabel}
          </button>
        ) : null}
      </header>
      <dl className="kb-summary__list">{children}</dl>
    </section>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="kb-summary__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

interface SummaryProps {
  form: DeclarationForm;
  onEdit?: (step: StepId) => void;
  /** Which parts to show (the quick screen shows only who and the trip). */
  parts?: readonly ("checkpoint" | "identity" | "trip" | "health")[];
}

/** The declaration in plain words, part by part, each with its "Sửa". */
export function DeclarationSummary({ form, onEdit, parts = ["checkpoint", "identity", "trip", "health"] }: SummaryProps) {
  const { s } = useStrings();
  const edit = (step: StepId) => (onEdit ? () => onEdit(step) : undefined);
  const { identity, residence, trip, health, test } = form;
  const plate = canonicalPlate(trip.plate, trip.vehicle) ?? trip.plate;
  const vehicle = [trip.vehicle ? s.trip.vehicles[trip.vehicle] : "", plate || trip.transportCode].filter(Boolean).join(" · ");
  const symptoms = HEALTH_QUESTIONS.filter((q) => q !== "contactWithCase" && health[q] === true).map((q) => s.health.questions[q]);

  return (
    <>
      {parts.includes("checkpoint") ? (
        <Section title={s.steps.checkpoint} onEdit={form.checkpoint.direction === "both" ? edit("checkpoint") : undefined} editLabel={s.review.edit}>
          <Row label={s.steps.checkpoint} value={form.checkpoint.name} />
          <Row label={s.review.direction} value={trip.direction ? s.checkpointStep.directions[trip.direction] : "—"} />
        </Section>
      ) : null}
      {parts.includes("identity") ? (
        <Section title={s.review.person} onEdit={edit("identity")} editLabel={s.review.edit}>
          <Row label={s.identity.fullName} value={<strong>{identity.fullName}</strong>} />
          <Row label={s.review.idNumber} value={`${s.identity.idKinds[identity.idKind]} ${identity.idNumber}`} />
          <Row label={s.review.birthDate} value={identity.birthDate} />
          <Row label={s.review.phone} value={identity.phone} />
          <Row
            label={s.review.residence}
            value={[residence.street, residence.wardName, provinceByCode(residence.provinceCode)?.name].filter(Boolean).join(", ")}
          />
        </Section>
      ) : null}
      {parts.includes("trip") ? (
        <Section title={s.steps.trip} onEdit={edit("trip")} editLabel={s.review.edit}>
          <Row label={s.review.route} value={`${placeName(trip.departure)} → ${placeName(trip.destination)}`} />
          {parts.includes("health") ? <Row label={s.review.travelAt} value={formatLocalInput(trip.travelAt)} /> : null}
          <Row label={s.review.vehicle} value={vehicle} />
          <Row label={s.review.purpose} value={trip.purpose ? s.trip.purposes[trip.purpose] : "—"} />
          {form.doses !== null && !parts.includes("health") ? <Row label={s.review.doses} value={s.review.dosesValue(form.doses)} /> : null}
        </Section>
      ) : null}
      {parts.includes("health") ? (
        <Section title={s.steps.health} onEdit={edit("health")} editLabel={s.review.edit}>
          <Row label={s.review.symptoms} value={symptoms.length > 0 ? <strong>{symptoms.join(", ")}</strong> : s.review.noSymptoms} />
          <Row label={s.review.contact} value={health.contactWithCase === true ? <strong>{s.health.yes}</strong> : s.health.no} />
          <Row
            label={s.review.test}
            value={
              test.kind === "pcr" || test.kind === "rapid"
                ? `${s.health.testKinds[test.kind]}: ${test.result ? s.health.results[test.result] : "—"}, ${formatLocalInput(test.sampledAt)}`
                : test.kind === "none"
                  ? s.health.testKinds.none
                  : "—"
            }
          />
          <Row label={s.review.doses} value={form.doses === null ? "—" : s.review.dosesValue(form.doses)} />
        </Section>
      ) : null}
    </>
  );
}
