import { describe, expect, it } from "vitest";
import { parseWith } from "../api/errors";
import { dccCertificateSchema, trustListSchema, vaccinationLookupRequestSchema } from "./schema";
import { messages } from "../i18n/messages";
import { HC1_FAILURE_STEPS, hc1FailureMessageCode } from "./result";

describe("vaccinationLookupRequestSchema", () => {
  it("when the details are well formed, then the ID is compacted and the phone normalised", () => {
    const r = parseWith(vaccinationLookupRequestSchema, { idNumber: "001 090 012 345", fullName: " Nguyễn  Văn An ", dateOfBirth: "1990-05-12", phone: "0912 345 678" });
    expect(r).toMatchObject({ ok: true, data: { idNumber: "001090012345", fullName: "Nguyễn Văn An", phone: "+84912345678" } });
  });

  it("when fields are wrong, then each error names its field with a catalogue code", () => {
    const r = parseWith(vaccinationLookupRequestSchema, { idNumber: "", fullName: "A", dateOfBirth: "12/05/1990", phone: "123" });
    expect(r.ok).toBe(false);
    const byPath = Object.fromEntries((r.ok ? [] : r.issues).map((i) => [i.path, i.code]));
    expect(byPath).toEqual({ idNumber: "id.empty", fullName: "name.too_short", dateOfBirth: "date_invalid", phone: "phone.format" });
    for (const code of Object.values(byPath)) expect(messages[code]).toBeDefined();
  });

  it("when the CCCD's birth year disagrees with the date of birth, then idNumber carries the CCCD code", () => {
    const r = parseWith(vaccinationLookupRequestSchema, { idNumber: "001090012345", fullName: "Nguyễn Văn An", dateOfBirth: "1991-05-12" });
    expect(r.ok ? [] : r.issues).toEqual([expect.objectContaining({ path: "idNumber", code: "cccd.birth_year_mismatch" })]);
  });
});

describe("certificate and trust list schemas", () => {
  it("when a certificate holds both a vaccination and a test, then it is refused", () => {
    const v = { tg: "840539006", vp: "J07BX03", mp: "BBIBP-CorV", ma: "ORG-100020693", dn: 1, sd: 2, dt: "2021-08-01", co: "VN", is: "MoH", ci: "URN:UVCI:01:VN:1" };
    expect(dccCertificateSchema.safeParse({ ver: "1.3.0", nam: { fnt: "A" }, dob: "1990", v: [v] }).success).toBe(true);
    expect(dccCertificateSchema.safeParse({ ver: "1.3.0", nam: { fnt: "A" }, dob: "1990", v: [v], t: [{ tg: "x", co: "VN", is: "a", ci: "b" }] }).success).toBe(false);
    expect(dccCertificateSchema.safeParse({ ver: "1.3.0", nam: { fnt: "a" }, dob: "1990", v: [v] }).success).toBe(false);
  });

  it("a trust list entry needs base64 kid and key, an algorithm of the DCC and ISO dates", () => {
    const entry = { kid: "xKpEnFhQ57Y=", alg: "ES256", spki: "AAAA", notBefore: "2026-01-01T00:00:00Z", notAfter: "2036-01-01T00:00:00.000Z" };
    expect(trustListSchema.safeParse({ version: "v1", issuedAt: "2026-11-28T00:00:00Z", entries: [entry] }).success).toBe(true);
    expect(trustListSchema.safeParse({ version: "v1", issuedAt: "2026-11-28T00:00:00Z", entries: [{ ...entry, alg: "RS256" }] }).success).toBe(false);
  });

  it("every failing step has a message in Vietnamese and English", () => {
    for (const step of HC1_FAILURE_STEPS) expect(messages[hc1FailureMessageCode(step)]).toMatchObject({ vi: expect.any(String), en: expect.any(String) });
  });
});
