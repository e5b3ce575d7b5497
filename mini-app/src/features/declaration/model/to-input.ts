import { CONSENT_VERSION, ROAD_VEHICLES, type DeclarationInput } from "@khaibao/shared";
import { birthDateFromTyped, localInputToIso } from "./dates";
import type { DeclarationForm, IdentityForm, PlaceForm, ResidenceForm, TestForm, TripForm } from "./form";

/**
 * Form → the shared schemas' input. Empty optional fields are left out (so "not given" is not
 * "given as empty"), unanswered questions are `undefined` (so the schema says they are
 * required: never a silent "no"), and fields that do not apply (a plate for a train) are dropped.
 */

const optional = (s: string): string | undefined => (s.trim() === "" ? undefined : s);
const orUndefined = <T extends string>(s: T | ""): T | undefined => (s === "" ? undefined : s);

type Input = DeclarationInput;
type Loose<T> = { [K in keyof T]?: unknown };

export function identityInput(f: IdentityForm): Loose<Input["identity"]> {
  return {
    fullName: f.fullName,
    idKind: f.idKind,
    idNumber: f.idNumber,
    birthDate: optional(birthDateFromTyped(f.birthDate)),
    gender: orUndefined(f.gender),
    nationality: optional(f.nationality),
    phone: f.phone,
    email: optional(f.email),
    healthInsuranceNumber: optional(f.healthInsuranceNumber),
    relationship: f.relationship,
  };
}

export function residenceInput(f: ResidenceForm): Loose<Input["residence"]> {
  return { provinceCode: orUndefined(f.provinceCode), wardCode: orUndefined(f.wardCode), street: f.street };
}

function placeInput(p: PlaceForm): { provinceCode?: string; wardCode?: string } {
  return { provinceCode: orUndefined(p.provinceCode), wardCode: orUndefined(p.wardCode) };
}

export function tripInput(f: TripForm, checkpointId: string): Loose<Input["trip"]> {
  const vehicle = orUndefined(f.vehicle);
  const road = vehicle !== undefined && ROAD_VEHICLES.includes(vehicle);
  const scheduled = vehicle === "plane" || vehicle === "train";
  return {
    checkpointId,
    direction: orUndefined(f.direction),
    departure: placeInput(f.departure),
    destination: placeInput(f.destination),
    travelAt: localInputToIso(f.travelAt),
    vehicle,
    plate: road ? optional(f.plate) : undefined,
    transportCode: scheduled ? optional(f.transportCode) : undefined,
    seat: scheduled ? optional(f.seat) : undefined,
    purpose: orUndefined(f.purpose),
    purposeNote: f.purpose === "other" ? optional(f.purposeNote) : undefined,
    employer: f.purpose === "work" ? optional(f.employer) : undefined,
  };
}

export function testInput(f: TestForm): Loose<{ kind: string; result: string; sampledAt: string }> {
  if (f.kind === "") return {};
  if (f.kind === "none") return { kind: "none" };
  return { kind: f.kind, result: orUndefined(f.result), sampledAt: localInputToIso(f.sampledAt) };
}

export function healthAndTestInput(f: DeclarationForm) {
  const { placesVisited, ...answers } = f.health;
  const health: Record<string, unknown> = { placesVisited: optional(placesVisited) };
  for (const [key, value] of Object.entries(answers)) health[key] = value ?? undefined;
  return { health, test: testInput(f.test), vaccination: { doses: f.doses ?? undefined } };
}

/** The whole declaration, committed: pressing "Cam kết và gửi" is the commitment and the consent. */
export function toDeclarationInput(f: DeclarationForm, committed: boolean): Loose<Input> {
  return {
    identity: identityInput(f.identity),
    residence: residenceInput(f.residence),
    trip: tripInput(f.trip, f.checkpoint.id),
    ...healthAndTestInput(f),
    commitment: { truthful: committed, consent: committed, consentVersion: CONSENT_VERSION },
  };
}
