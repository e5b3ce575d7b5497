import { ROAD_VEHICLES } from "@khaibao/shared";
import { ChoiceGroup } from "../components/choice-group";
import { TextField } from "../components/field";
import { ProvinceField } from "../components/province-field";
import { StepScreen } from "../components/step-screen";
import { WardField } from "../components/ward-field";
import { useStrings } from "../i18n";
import { canonicalPlate } from "../model/plate";
import { PURPOSES, VEHICLES, type PlaceForm, type TripForm } from "../model/form";
import { useStepForm, type FormBinding } from "../use-step-form";
import { useWizardNav } from "../use-wizard-nav";

function PlaceFields({ f, which, label }: { f: FormBinding; which: "departure" | "destination"; label: string }) {
  const { s } = useStrings();
  const place = f.form.trip[which];
  const set = (change: Partial<PlaceForm>) =>
    // Places typed now are for the direction chosen now (see chooseDirection).
    f.update((form) => ({ ...form, trip: { ...form.trip, placesDirection: form.trip.direction, [which]: { ...form.trip[which], ...change } } }));
  return (
    <fieldset className="kb-fieldset">
      <legend className="kb-fieldset__legend">{label}</legend>
      <ProvinceField
        path={`trip.${which}.provinceCode`}
        label={s.trip.provinceOf(label)}
        value={place.provinceCode}
        onChange={(code) => {
          f.touch(`trip.${which}.provinceCode`);
          if (code !== place.provinceCode) set({ provinceCode: code, wardCode: "", wardName: "" });
        }}
        error={f.errorOf(`trip.${which}.provinceCode`)}
      />
      {place.provinceCode ? (
        <WardField
          path={`trip.${which}.wardCode`}
          label={s.trip.wardOptional}
          provinceCode={place.provinceCode}
          value={place.wardCode}
          valueName={place.wardName}
          optional
          onChange={(code, name) => set({ wardCode: code, wardName: name })}
          error={f.errorOf(`trip.${which}.wardCode`)}
        />
      ) : null}
    </fieldset>
  );
}

/** Step 4: from where to where, when, how (plate shown as it will be recorded) and why. */
export function TripStep() {
  const { s } = useStrings();
  const f = useStepForm("trip");
  const nav = useWizardNav("trip");
  if (!f) return null;
  const trip = f.form.trip;
  const set = <K extends keyof TripForm>(key: K, value: TripForm[K]) => f.update((form) => ({ ...form, trip: { ...form.trip, [key]: value } }));
  const field = (key: "travelAt" | "plate" | "transportCode" | "seat" | "purposeNote" | "employer") => ({
    path: `trip.${key}`,
    value: trip[key],
    onChange: (v: string) => set(key, v),
    onBlur: () => f.touch(`trip.${key}`),
    error: f.errorOf(`trip.${key}`),
  });
  const road = trip.vehicle !== "" && ROAD_VEHICLES.includes(trip.vehicle);
  const scheduled = trip.vehicle === "plane" || trip.vehicle === "train";
  const canonical = canonicalPlate(trip.plate, trip.vehicle);

  return (
    <StepScreen step="trip" onNext={() => f.attempt() && nav.next()} hasErrors={Object.keys(f.shown).length > 0}>
      <PlaceFields f={f} which="departure" label={s.trip.departure} />
      <PlaceFields f={f} which="destination" label={s.trip.destination} />
      <TextField {...field("travelAt")} label={s.trip.travelAt} hint={s.trip.travelAtHint} type="datetime-local" />
      <ChoiceGroup
        path="trip.vehicle"
        label={s.trip.vehicle}
        value={trip.vehicle || null}
        choices={VEHICLES.map((v) => ({ value: v, label: s.trip.vehicles[v] }))}
        columns={3}
        onChange={(v) => {
          set("vehicle", v);
          f.touch("trip.vehicle");
        }}
        error={f.errorOf("trip.vehicle")}
      />
      {road ? (
        <TextField
          {...field("plate")}
          onBlur={() => {
            // Shown back in its canonical form as soon as the person leaves the field.
            if (canonical && canonical !== trip.plate) set("plate", canonical);
            f.touch("trip.plate");
          }}
          label={s.trip.plate}
          hint={s.trip.plateHint}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          extra={
            canonical && canonical !== trip.plate ? (
              <p className="kb-field__preview" aria-live="polite">
                {s.trip.plateCanonical(canonical)}
              </p>
            ) : null
          }
        />
      ) : null}
      {scheduled ? (
        <>
          <TextField {...field("transportCode")} label={s.trip.transportCode} hint={s.trip.transportCodeHint} autoCapitalize="characters" autoComplete="off" />
          <TextField {...field("seat")} label={s.trip.seat} autoCapitalize="characters" autoComplete="off" />
        </>
      ) : null}
      <ChoiceGroup
        path="trip.purpose"
        label={s.trip.purpose}
        value={trip.purpose || null}
        choices={PURPOSES.map((p) => ({ value: p, label: s.trip.purposes[p] }))}
        columns={2}
        onChange={(p) => {
          set("purpose", p);
          f.touch("trip.purpose");
        }}
        error={f.errorOf("trip.purpose")}
      />
      {trip.purpose === "work" ? <TextField {...field("employer")} label={s.trip.employer} autoComplete="organization" /> : null}
      {trip.purpose === "other" ? <TextField {...field("purposeNote")} label={s.trip.purposeNote} /> : null}
    </StepScreen>
  );
}
