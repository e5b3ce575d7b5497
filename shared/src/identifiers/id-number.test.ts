import { describe, expect, it } from "vitest";
import { translate } from "../i18n/translate";
import { maskIdNumber, validateIdNumber } from "./id-number";
import type { IdCheck } from "./id-number";
import { identifierMessages } from "./messages";

const NOW = new Date("2025-08-01T00:00:00Z");

function expectFailure(result: IdCheck, code: string): void {
  expect(result).toMatchObject({ ok: false, code });
  const vi = translate(identifierMessages, code, "vi", result.ok ? undefined : result.params);
  expect(vi).not.toBe(code);
  expect(vi).not.toMatch(/\{\w+\}/); // every placeholder filled
}

describe("validateIdNumber: CCCD", () => {
  it("when a man born 1990 registered in Hà Nội gives 001 0 90 xxxxxx, then it is accepted and decoded", () => {
    const result = validateIdNumber("001090123456", { birthDate: "1990-05-17", gender: "male", now: NOW });
    expect(result).toEqual({
      ok: true,
      kind: "cccd",
      value: "001090123456",
      warnings: [],
      birthProvince: { code: "01", name: "Hà Nội" },
      birthYear: 1990,
      gender: "male",
    });
  });

  it("when a woman born 2005 registered in HCMC gives 079 3 05 xxxxxx, then it is accepted", () => {
    const result = validateIdNumber("079305004821", { kind: "cccd", birthDate: "2005-11-02", gender: "female", now: NOW });
    expect(result).toMatchObject({ ok: true, kind: "cccd", birthProvince: { code: "79", name: "Hồ Chí Minh" }, birthYear: 2005 });
  });

  it("when a boy born 2012 in Đà Nẵng gives 048 2 12 xxxxxx with only a year of birth, then it is accepted", () => {
    expect(validateIdNumber("048212000777", { birthDate: "2012", gender: "male", now: NOW })).toMatchObject({
      ok: true,
      birthYear: 2012,
      gender: "male",
    });
  });

  it("when the number is typed with spaces, dots or dashes, then they are ignored", () => {
    expect(validateIdNumber(" 001 090.123-456 ", { now: NOW })).toMatchObject({ ok: true, value: "001090123456" });
  });

  it("when no birth date or gender is given, then only the structure is checked", () => {
    expect(validateIdNumber("031185000001", { now: NOW })).toMatchObject({ ok: true, birthYear: 1985, gender: "female" });
  });

  it("when the declared gender is other, then the gender digit is not checked", () => {
    expect(validateIdNumber("001090123456", { gender: "other", birthDate: "1990-01-01", now: NOW })).toMatchObject({ ok: true });
    expect(validateIdNumber("001190123456", { gender: "other", birthDate: "1990-01-01", now: NOW })).toMatchObject({ ok: true });
  });

  it("when the number has 11 or 13 digits, then it fails with cccd.length and the count", () => {
    const short = validateIdNumber("00109012345", { now: NOW });
    expectFailure(short, "cccd.length");
    expect(short).toMatchObject({ params: { length: 11 } });
    expectFailure(validateIdNumber("0010901234567", { now: NOW }), "cccd.length");
    expectFailure(validateIdNumber("001090123", { kind: "cccd", now: NOW }), "cccd.length");
  });

  it("when a CCCD contains letters, then it fails with id.digits_only", () => {
    expectFailure(validateIdNumber("00109012345O", { kind: "cccd", now: NOW }), "id.digits_only");
  });

  it.each(["000", "099", "100", "003", "097"])("when the province part is %s, then it fails with cccd.province_unknown", (prefix) => {
    const result = validateIdNumber(`${prefix}090123456`, { now: NOW });
    expectFailure(result, "cccd.province_unknown");
    expect(result).toMatchObject({ params: { code: prefix } });
  });

  it("when the birth year digits contradict the declared birth year, then it fails with the year the number encodes", () => {
    const result = validateIdNumber("001090123456", { birthDate: "1991-03-04", now: NOW });
    expectFailure(result, "cccd.birth_year_mismatch");
    expect(result).toMatchObject({ params: { expected: 1990, declared: 1991 } });
  });

  it("when the century digit contradicts the declared birth year (2005 coded as 1905), then it fails", () => {
    const result = validateIdNumber("079105004821", { birthDate: "2005-11-02", now: NOW });
    expectFailure(result, "cccd.birth_year_mismatch");
    expect(result).toMatchObject({ params: { expected: 1905, declared: 2005 } });
  });

  it("when the gender digit says female but the declarant is male, then it fails with cccd.gender_mismatch", () => {
    expectFailure(validateIdNumber("079305004821", { birthDate: "2005-11-02", gender: "male", now: NOW }), "cccd.gender_mismatch");
    expectFailure(validateIdNumber("001090123456", { gender: "female", now: NOW }), "cccd.gender_mismatch");
  });

  it("when digits 4-6 encode a year after today (2130 or 2026), then it fails with cccd.birth_year_future", () => {
    expectFailure(validateIdNumber("001430123456", { now: NOW }), "cccd.birth_year_future");
    const result = validateIdNumber("001226123456", { now: NOW });
    expectFailure(result, "cccd.birth_year_future");
    expect(result).toMatchObject({ params: { year: 2026 } });
  });

  it("when the century digit is 8 or 9, then it decodes a birth in the 1800s", () => {
    expect(validateIdNumber("001999123456", { now: NOW })).toMatchObject({ ok: true, birthYear: 1899, gender: "female" });
  });

  it("when the birth date is not in a recognised shape, then the year check is skipped (the date field reports it)", () => {
    expect(validateIdNumber("001090123456", { birthDate: "17/05/1991", now: NOW })).toMatchObject({ ok: true });
  });
});

describe("validateIdNumber: CMND", () => {
  it("when a 9-digit CMND is given, then it is accepted with the cmnd.expired warning", () => {
    const result = validateIdNumber("012 345 678");
    expect(result).toEqual({ ok: true, kind: "cmnd", value: "012345678", warnings: [{ code: "cmnd.expired" }] });
    expect(translate(identifierMessages, "cmnd.expired", "vi")).toBe(
      "CMND 9 số đã hết giá trị sử dụng từ 31/12/2024; vui lòng dùng số CCCD 12 số nếu có",
    );
  });

  it("when kind cmnd is chosen and 8 digits are typed, then it fails with cmnd.length", () => {
    expectFailure(validateIdNumber("01234567", { kind: "cmnd" }), "cmnd.length");
  });

  it("when kind cmnd is chosen with a 12-digit number (a 12-digit CMND), then it is checked as a CCCD", () => {
    expect(validateIdNumber("001090123456", { kind: "cmnd", now: NOW })).toMatchObject({ ok: true, kind: "cccd" });
  });
});

describe("validateIdNumber: passports and inference", () => {
  it("when a Vietnamese passport number is typed in lower case with a space, then it is normalised", () => {
    expect(validateIdNumber("c 1234567")).toEqual({ ok: true, kind: "passport", value: "C1234567", warnings: [] });
    expect(validateIdNumber("N9876543", { kind: "passport" })).toMatchObject({ ok: true, value: "N9876543" });
  });

  it("when a foreign passport has 6-12 letters and digits, then it is accepted", () => {
    expect(validateIdNumber("AB123456")).toMatchObject({ ok: true, kind: "passport" });
    expect(validateIdNumber("123456789", { kind: "passport" })).toMatchObject({ ok: true, value: "123456789" });
  });

  it("when a passport number is too short, too long, has no digit or odd characters, then it fails with passport.format", () => {
    expectFailure(validateIdNumber("C123", { kind: "passport" }), "passport.format");
    expectFailure(validateIdNumber("C12345678901234"), "passport.format");
    expectFailure(validateIdNumber("NGUYENVAN", { kind: "passport" }), "passport.format");
    expectFailure(validateIdNumber("C123/4567", { kind: "passport" }), "passport.format");
  });

  it("when the input fits no kind, then it fails with id.unrecognized; when empty, with id.empty", () => {
    expectFailure(validateIdNumber("1234"), "id.unrecognized");
    expectFailure(validateIdNumber("Nguyễn Văn A"), "id.unrecognized");
    expectFailure(validateIdNumber("   "), "id.empty");
  });
});

describe("maskIdNumber", () => {
  it("when a number is masked, then only the last 3 characters remain", () => {
    expect(maskIdNumber("001090123456")).toBe("***456");
    expect(maskIdNumber("C1234567")).toBe("***567");
    expect(maskIdNumber("12")).toBe("***");
  });
});
