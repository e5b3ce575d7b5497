import { describe, expect, it } from "vitest";
import { HC1_FAILURE_STEPS, messages, translate, type Hc1FailureStep, type VerifyResult } from "@khaibao/shared";
import { en } from "../i18n/en";
import { vi } from "../i18n/vi";
import { ageText, displayDate, isoFromTyped } from "./dates";
import { canSave, verdictOf, verdictOfStep, type Verdict } from "./verdict";

const fail = (step: Hc1FailureStep): VerifyResult => ({ valid: false, step });

describe("the answer a citizen gets from the failing step", () => {
  it("maps every step to one plain answer", () => {
    const expected: Record<Hc1FailureStep, Verdict> = {
      prefix: "not_certificate",
      base45: "not_genuine",
      zlib: "not_genuine",
      cose: "not_genuine",
      cbor: "not_genuine",
      schema: "not_genuine",
      bad_signature: "not_genuine",
      unknown_kid: "unknown_issuer",
      signer_expired: "expired",
      expired: "expired",
      not_yet_valid: "not_yet_valid",
    };
    for (const step of HC1_FAILURE_STEPS) expect(verdictOfStep(step), step).toBe(expected[step]);
  });

  it("says 'không phải chứng nhận thật / đã hết hạn / không rõ nơi cấp' in Vietnamese, and the same in English", () => {
    expect(vi.verdict.titles[verdictOf(fail("bad_signature"))]).toBe("Không phải chứng nhận thật");
    expect(vi.verdict.titles[verdictOf(fail("expired"))]).toBe("Chứng nhận đã hết hạn");
    expect(vi.verdict.titles[verdictOf(fail("unknown_kid"))]).toBe("Không rõ nơi cấp");
    expect(en.verdict.titles[verdictOf(fail("bad_signature"))]).toBe("Not a genuine certificate");
    expect(en.verdict.titles[verdictOf(fail("expired"))]).toBe("The certificate has expired");
    expect(en.verdict.titles[verdictOf(fail("unknown_kid"))]).toBe("Unknown issuer");
  });

  it("every step also has its precise message for support staff, in both languages", () => {
    for (const step of HC1_FAILURE_STEPS) {
      for (const lang of ["vi", "en"] as const) {
        const text = translate(messages, `vaccination.verify.${step}`, lang);
        expect(text, `${step} ${lang}`).not.toContain("vaccination.verify");
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });

  it("only a valid certificate can be saved; with no trust list yet nothing is 'valid'", () => {
    expect(verdictOf(null)).toBe("unchecked");
    expect(canSave(null)).toBe(false);
    for (const step of HC1_FAILURE_STEPS) expect(canSave(fail(step))).toBe(false);
    const valid = { valid: true, certificate: {} as never, kid: "k", issuedAt: "", expiresAt: "", issuer: "VN" } satisfies VerifyResult;
    expect(canSave(valid)).toBe(true);
    expect(verdictOf(valid)).toBe("valid");
  });
});

describe("dates as people type and read them", () => {
  it("a typed birth date becomes the ISO date the API takes; anything else is left for the schema to refuse", () => {
    expect(isoFromTyped("12/05/1990")).toBe("1990-05-12");
    expect(isoFromTyped("1-2-2001")).toBe("2001-02-01");
    expect(isoFromTyped("1990")).toBe("1990");
    expect(displayDate("1990-05-12")).toBe("12/05/1990");
    expect(displayDate("1990-05")).toBe("05/1990");
  });

  it("the trust list's age reads '2 giờ trước' / '2 hours ago'", () => {
    const now = new Date("2026-11-28T10:00:00Z");
    expect(ageText("2026-11-28T08:00:00Z", now, "vi")).toBe("2 giờ trước");
    expect(ageText("2026-11-28T08:00:00Z", now, "en")).toBe("2 hours ago");
    expect(ageText("2026-11-28T09:59:30Z", now, "vi")).toBe("vừa xong");
    expect(ageText("2026-11-28T09:35:00Z", now, "vi")).toBe("25 phút trước");
    expect(ageText("2026-11-25T10:00:00Z", now, "en")).toBe("3 days ago");
    expect(ageText("2026-11-28T09:00:00Z", now, "en")).toBe("1 hour ago");
  });
});
