import { describe, expect, it } from "vitest";
import { checkLookup, emptyLookupForm } from "./lookup-form";

const an = { idNumber: "001 090 012 345", fullName: "  Nguyễn   Văn An ", dateOfBirth: "12/05/1990", phone: "" };

describe("the lookup form, checked with the shared schema as typed", () => {
  it("when filled in as people type, then it becomes the request the server takes (ISO date, no spaces in the ID, phone left out)", () => {
    const check = checkLookup(an, "vi");
    expect(check).toEqual({ ok: true, request: { idNumber: "001090012345", fullName: "Nguyễn Văn An", dateOfBirth: "1990-05-12" } });
    const withPhone = checkLookup({ ...an, phone: "0912 345 678" }, "vi");
    expect(withPhone.ok && withPhone.request.phone).toBe("+84912345678");
  });

  it("when empty, then every required field says so, in Vietnamese or English", () => {
    const vi = checkLookup(emptyLookupForm(), "vi");
    const en = checkLookup(emptyLookupForm(), "en");
    expect(vi.ok).toBe(false);
    expect(Object.keys(vi.ok ? {} : vi.errors).sort()).toEqual(["dateOfBirth", "fullName", "idNumber"]);
    expect(vi.ok ? "" : vi.errors.fullName).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụýỳỷỹỵéèẻẽẹóòỏõọ]/i);
    expect(en.ok ? "" : en.errors.fullName).toMatch(/^[\x20-\x7e]+$/);
  });

  it("when the CCCD contradicts the birth year, then the error is on the ID number", () => {
    const check = checkLookup({ ...an, dateOfBirth: "12/05/1991" }, "vi");
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.errors.idNumber).toContain("1990");
  });

  it("when the date is not a real date or the phone is wrong, then those fields say so", () => {
    const check = checkLookup({ ...an, dateOfBirth: "31/02/1990", phone: "12345" }, "en");
    expect(check.ok).toBe(false);
    expect(check.ok ? {} : Object.keys(check.errors).sort()).toEqual(["dateOfBirth", "phone"]);
  });
});
