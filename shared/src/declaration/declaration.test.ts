import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { parseWith, localizeIssue } from "../api/errors";
import { declarationSchema, wizardStepSchemas } from "./declaration";
import { declarationWarnings } from "./warnings";
import { sampleDeclaration } from "../testing/fixtures";

const codesOf = (input: unknown, schema: z.ZodType = declarationSchema) => {
  const r = parseWith(schema, input);
  return r.ok ? [] : r.issues.map((i) => `${i.path}:${i.code}`);
};

describe("declaration schema", () => {
  it("when every step is valid, then identifiers come out normalised", () => {
    const r = parseWith(declarationSchema, sampleDeclaration());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.identity.phone).toBe("+84912345678");
    expect(r.data.trip.plate).toBe("29A-123.45");
    expect(r.data.identity.idNumber).toBe("001090123456");
  });

  it("when the CCCD contradicts the birth year, then idNumber fails even while the phone is also wrong", () => {
    const d = sampleDeclaration();
    const codes = codesOf({ ...d, identity: { ...d.identity, birthDate: "1991-05-12", phone: "12" } });
    expect(codes).toContain("identity.phone:phone.format");
    expect(codes.some((c) => c.startsWith("identity.idNumber:cccd.birth_year_mismatch"))).toBe(true);
  });

  it("when the gender is not chosen yet, then a CCCD contradicting the birth year is already reported", () => {
    const d = sampleDeclaration();
    const { gender: _g, ...identity } = d.identity;
    const codes = codesOf({ ...identity, birthDate: "1991-05-12" }, wizardStepSchemas.identity);
    expect(codes).toContain("gender:identity.gender_required");
    expect(codes.some((c) => c.startsWith("idNumber:cccd.birth_year_mismatch"))).toBe(true);
  });

  it("when a health answer is missing, then it is required (never defaulted to no)", () => {
    const d = sampleDeclaration();
    const { fever: _f, ...health } = d.health;
    expect(codesOf({ ...d, health })).toEqual(["health.fever:health.answer_required"]);
  });

  it("when a car has no plate, then plate is required; a bad plate gets plate.format only", () => {
    const d = sampleDeclaration();
    expect(codesOf({ ...d, trip: { ...d.trip, plate: "" } })).toEqual(["trip.plate:trip.plate_required"]);
    expect(codesOf({ ...d, trip: { ...d.trip, plate: "hello" } })).toEqual(["trip.plate:plate.format"]);
  });

  it("when travelling by plane, then a flight code is needed instead of a plate", () => {
    const d = sampleDeclaration();
    const { plate: _p, ...trip } = d.trip;
    expect(codesOf({ ...d, trip: { ...trip, vehicle: "plane" } })).toEqual(["trip.transportCode:trip.transport_code_required"]);
    expect(codesOf({ ...d, trip: { ...trip, vehicle: "plane", transportCode: "vn215" } })).toEqual([]);
  });

  it("when the commitment is not ticked, then both consent fields are named", () => {
    const d = sampleDeclaration();
    expect(codesOf({ ...d, commitment: { truthful: false, consent: false, consentVersion: "x" } })).toEqual([
      "commitment.truthful:commitment.truthful_required",
      "commitment.consent:commitment.consent_required",
    ]);
  });

  it("when a province code is unknown, then the residence names it", () => {
    const d = sampleDeclaration();
    expect(codesOf({ ...d, residence: { ...d.residence, provinceCode: "99" } })).toEqual(["residence.provinceCode:address.province_unknown"]);
  });

  it("each step validates on its own for the wizard", () => {
    const d = sampleDeclaration();
    expect(codesOf(d.identity, wizardStepSchemas.identity)).toEqual([]);
    expect(codesOf({ health: d.health, test: { kind: "pcr" }, vaccination: d.vaccination }, wizardStepSchemas.healthAndTest)).toEqual([
      "test.result:test.result_required",
      "test.sampledAt:required",
    ]);
  });

  it("every issue has a Vietnamese and an English message, not the bare code", () => {
    const r = parseWith(declarationSchema, { identity: {}, residence: {}, trip: {}, health: {}, test: {}, vaccination: {}, commitment: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const issue of r.issues) {
      const f = localizeIssue(issue, "vi");
      expect(f.messages.vi, issue.code).not.toBe(issue.code);
      expect(f.messages.en, issue.code).not.toBe(issue.code);
    }
  });

  it("warns (without failing) about a CMND and a test older than 72 h", () => {
    const d = sampleDeclaration();
    const r = parseWith(declarationSchema, {
      ...d,
      identity: { ...d.identity, idKind: "cmnd", idNumber: "012345678" },
      test: { kind: "pcr", result: "negative", sampledAt: "2026-11-24T07:00:00+07:00" },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(declarationWarnings(r.data).map((w) => w.code)).toEqual(["cmnd.expired", "test.expired"]);
  });
});
