import { z } from "zod";
import {
  checkpointSnapshotSchema,
  dosesSchema,
  emptyForm,
  freshHealth,
  identityFormSchema,
  placeFormSchema,
  residenceFormSchema,
  DIRECTIONS,
  PURPOSES,
  VEHICLES,
  type CheckpointSnapshot,
  type DeclarationForm,
  type IdentityForm,
  type ResidenceForm,
  type TripForm,
} from "../model/form";
import { toLocalInput } from "../model/dates";
import { chooseDirection, fixedDirection, newTrip } from "../model/trip";

/**
 * What the phone remembers about people between declarations, so a returning citizen declares
 * in seconds: who (identity, residence, doses) and how they travel (vehicle, plate, places,
 * purpose). Health answers and test results are **never** kept here: they are answered fresh
 * every time. The pick functions below list each kept field by name for that reason; there is
 * no spreading of a whole form into storage.
 */

const text = z.string().max(2_000).catch("");
const option = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(["", ...values] as ["", ...T]).catch("");

/** The reusable part of a trip: no time, no seat, nothing about health. */
export const tripPrefsSchema = z.preprocess(
  (v) => (typeof v === "object" && v !== null ? v : {}),
  z.object({
    direction: option(DIRECTIONS),
    departure: placeFormSchema,
    destination: placeFormSchema,
    vehicle: option(VEHICLES),
    plate: text,
    transportCode: text,
    purpose: option(PURPOSES),
    purposeNote: text,
    employer: text,
  }),
);
export type TripPrefs = z.infer<typeof tripPrefsSchema>;

export const personSchema = z.object({
  id: z.string().min(1),
  identity: identityFormSchema,
  residence: residenceFormSchema,
  doses: dosesSchema,
  updatedAt: text,
});
export type Person = z.infer<typeof personSchema>;

export const peopleSchema = z.array(personSchema.nullable().catch(null)).transform((list) => list.filter((p): p is Person => p !== null));

export const lastDeclarationSchema = z.object({
  version: z.literal(1),
  personId: z.string(),
  identity: identityFormSchema,
  residence: residenceFormSchema,
  doses: dosesSchema,
  trip: tripPrefsSchema,
  checkpoint: checkpointSnapshotSchema,
  savedAt: text,
});
export type LastDeclaration = z.infer<typeof lastDeclarationSchema>;

function pickIdentity(i: IdentityForm): IdentityForm {
  return {
    relationship: i.relationship,
    fullName: i.fullName,
    idKind: i.idKind,
    idNumber: i.idNumber,
    birthDate: i.birthDate,
    gender: i.gender,
    nationality: i.nationality,
    phone: i.phone,
    email: i.email,
    healthInsuranceNumber: i.healthInsuranceNumber,
  };
}

function pickResidence(r: ResidenceForm): ResidenceForm {
  return { provinceCode: r.provinceCode, wardCode: r.wardCode, wardName: r.wardName, street: r.street };
}

function pickTrip(t: TripForm): TripPrefs {
  return {
    direction: t.direction,
    departure: { ...t.departure },
    destination: { ...t.destination },
    vehicle: t.vehicle,
    plate: t.plate,
    transportCode: t.transportCode,
    purpose: t.purpose,
    purposeNote: t.purposeNote,
    employer: t.employer,
  };
}

/** The declaration just sent, minus everything about health: what "Khai báo lại" starts from. */
export function lastDeclarationFrom(form: DeclarationForm, personId: string, now: Date): LastDeclaration {
  return {
    version: 1,
    personId,
    identity: pickIdentity(form.identity),
    residence: pickResidence(form.residence),
    doses: form.doses,
    trip: pickTrip(form.trip),
    checkpoint: { ...form.checkpoint },
    savedAt: now.toISOString(),
  };
}

export function personFrom(form: Pick<DeclarationForm, "identity" | "residence" | "doses">, id: string, now: Date): Person {
  return { id, identity: pickIdentity(form.identity), residence: pickResidence(form.residence), doses: form.doses, updatedAt: now.toISOString() };
}

const idKey = (i: IdentityForm) => `${i.idKind}:${i.idNumber.replace(/[\s.-]/g, "").toUpperCase()}`;

/** Adds or replaces a person: the same id, or else the same ID document, is the same person. Most recent first. */
export function upsertPerson(people: readonly Person[], person: Person): Person[] {
  const same = (p: Person) => p.id === person.id || (p.identity.idNumber.trim() !== "" && idKey(p.identity) === idKey(person.identity));
  return [person, ...people.filter((p) => !same(p))];
}

/** The saved person a declaration is about, if any (to keep their id when they are declared for again). */
export function findPerson(people: readonly Person[], identity: IdentityForm): Person | undefined {
  return people.find((p) => p.identity.idNumber.trim() !== "" && idKey(p.identity) === idKey(identity));
}

/**
 * A new declaration at `checkpoint` from the last one: same person, vehicle, plate and places
 * (turned round if the direction changed), the time now, and every health question and the
 * test unanswered.
 */
export function formFromLast(last: LastDeclaration, checkpoint: CheckpointSnapshot, now: Date): DeclarationForm {
  return {
    ...emptyForm(),
    checkpoint,
    identity: pickIdentity(last.identity),
    residence: pickResidence(last.residence),
    doses: last.doses,
    trip: tripFromPrefs(last.trip, checkpoint, now),
    ...freshHealth(),
  };
}

/** A trip from remembered preferences: direction fixed by the checkpoint (or left to choose), time now. */
export function tripFromPrefs(prefs: TripPrefs, checkpoint: CheckpointSnapshot, now: Date): TripForm {
  const trip: TripForm = {
    ...emptyForm().trip,
    ...prefs,
    direction: "",
    placesDirection: prefs.direction,
    seat: "",
    travelAt: toLocalInput(now),
  };
  const fixed = fixedDirection(checkpoint);
  return fixed ? chooseDirection(trip, fixed, checkpoint) : trip;
}

/** A new declaration for a saved person (or nobody yet): their identity and residence, the rest empty. */
export function formForPerson(person: Person | null, checkpoint: CheckpointSnapshot, now: Date, trip?: TripPrefs): DeclarationForm {
  const empty = emptyForm();
  return {
    ...empty,
    checkpoint,
    identity: person ? pickIdentity(person.identity) : empty.identity,
    residence: person ? pickResidence(person.residence) : empty.residence,
    doses: person?.doses ?? null,
    trip: trip ? tripFromPrefs(trip, checkpoint, now) : newTrip(checkpoint, now),
  };
}
