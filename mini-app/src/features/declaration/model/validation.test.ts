import { describe, expect, it } from "vitest";
import { filledForm } from "../testing";
import { birthDateFromTyped } from "./dates";
import { emptyForm } from "./form";
import { firstStepOf, stepOfPath } from "./steps";
import { tripInput } from "./to-input";
import { checkDeclaration, validateStep, visibleErrors } from "./validation";

describe("step validation with the shared schemas", () => {
  it("when every step is filled like the shared fixture, then no step has an error and the declaration comes out normalised", () => {
    const form = filledForm();
    for (const step of ["checkpoint", "identity", "residence", "trip", "health", "review"] as const) {
      expect(validateStep(form, step, "vi"), step).toEqual({});
    }
    const check = checkDeclaration(form);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.declaration.identity.phone).toBe("+84912345678");
    expect(check.declaration.identity.birthDate).toBe("1990-05-12");
    expect(check.declaration.trip.plate).toBe("29A-123.45");
    expect(check.declaration.commitment).toMatchObject({ truthful: true, consent: true });
  });

  it("when the CCCD contradicts the birth year, then idNumber carries cccd.birth_year_mismatch in Vietnamese (and English on an English phone)", () => {
    const form = filledForm();
    form.identity.birthDate = "12/05/1991";
    const vi = validateStep(form, "identity", "vi");
    expect(Object.keys(vi)).toEqual(["identity.idNumber"]);
    expect(vi["identity.idNumber"]?.code).toBe("cccd.birth_year_mismatch");
    expect(vi["identity.idNumber"]?.message).toBe(
      "Số CCCD này tương ứng với năm sinh 1990, nhưng năm sinh bạn khai là 1991. Vui lòng kiểm tra lại số CCCD hoặc ngày sinh",
    );
    expect(validateStep(form, "identity", "en")["identity.idNumber"]?.message).toContain("corresponds to the birth year 1990");
  });

  it("when a field has several problems, then only the most basic one is shown (an empty name is 'required', not 'too short')", () => {
    const errors = validateStep(emptyForm(), "identity", "vi");
    expect(errors["identity.fullName"]?.code).toBe("required");
    expect(errors["identity.birthDate"]?.code).toBe("required");
    expect(errors["identity.phone"]?.code).toBe("phone.empty");
    expect(errors["identity.gender"]?.code).toBe("identity.gender_required");
  });

  it("when the direction is missing, then step 1 reports it and the trip step does not", () => {
    const form = filledForm();
    form.trip.direction = "";
    expect(Object.keys(validateStep(form, "checkpoint", "vi"))).toEqual(["trip.direction"]);
    expect(validateStep(form, "trip", "vi")).toEqual({});
  });

  it("when health questions are unanswered, then each is required (never taken as no), and the test kind too", () => {
    const form = filledForm();
    form.health.fever = null;
    form.test = { kind: "", result: "", sampledAt: "" };
    const errors = validateStep(form, "health", "vi");
    expect(errors["health.fever"]?.message).toBe("Vui lòng trả lời câu hỏi này");
    expect(errors["test.kind"]?.code).toBe("test.kind_required");
    expect(errors["health.cough"]).toBeUndefined();
  });

  it("when a PCR test has no result or time, then those fields are named", () => {
    const form = filledForm();
    form.test = { kind: "pcr", result: "", sampledAt: "" };
    expect(Object.keys(validateStep(form, "health", "vi")).sort()).toEqual(["test.result", "test.sampledAt"]);
  });

  it("when travelling by train, then a plate typed earlier is not sent and the train number is required", () => {
    const form = filledForm();
    form.trip.vehicle = "train";
    expect(tripInput(form.trip, "HN-PHAPVAN").plate).toBeUndefined();
    expect(Object.keys(validateStep(form, "trip", "vi"))).toEqual(["trip.transportCode"]);
  });

  it("errors show only for fields the person has left, or all of them after 'Tiếp tục'", () => {
    const errors = validateStep(emptyForm(), "identity", "vi");
    expect(Object.keys(visibleErrors(errors, new Set(), false))).toEqual([]);
    expect(Object.keys(visibleErrors(errors, new Set(["identity.phone"]), false))).toEqual(["identity.phone"]);
    expect(visibleErrors(errors, new Set(), true)).toEqual(errors);
  });

  it("a server's field path leads to the step that shows it", () => {
    expect(stepOfPath("identity.idNumber")).toBe("identity");
    expect(stepOfPath("trip.direction")).toBe("checkpoint");
    expect(stepOfPath("trip.departure.provinceCode")).toBe("trip");
    expect(stepOfPath("vaccination.doses")).toBe("health");
    expect(stepOfPath("commitment.consent")).toBe("review");
    expect(firstStepOf(["test.result", "residence.wardCode"])).toBe("residence");
  });
});

describe("birth dates as people type them", () => {
  it.each([
    ["12/05/1990", "1990-05-12"],
    ["1/5/1990", "1990-05-01"],
    ["12.05.1990", "1990-05-12"],
    ["12051990", "1990-05-12"],
    ["1990", "1990"],
    ["1990-05-12", "1990-05-12"],
    [" 31/02/1990 ", "1990-02-31"],
  ])("%j → %j", (typed, iso) => {
    expect(birthDateFromTyped(typed)).toBe(iso);
  });

  it("an impossible date is left for the schema to reject", () => {
    const form = filledForm();
    form.identity.birthDate = "31/02/1990";
    expect(validateStep(form, "identity", "vi")["identity.birthDate"]?.code).toBe("identity.birth_date_invalid");
  });
});
