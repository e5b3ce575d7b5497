import { describe, expect, it } from "vitest";
import { translate } from "../i18n/translate";
import { identifierMessages } from "./messages";
import { maskPhone, normalizePhone } from "./phone";
import type { PhoneResult } from "./phone";

function expectFailure(result: PhoneResult, code: string): void {
  expect(result).toMatchObject({ ok: false, code });
  const vi = translate(identifierMessages, code, "vi", result.ok ? undefined : result.params);
  expect(vi).not.toBe(code);
  expect(vi).not.toMatch(/\{\w+\}/);
}

describe("normalizePhone", () => {
  it.each([
    "0912345678",
    "0912.345.678",
    "0912 345 678",
    "0912-345-678",
    "84912345678",
    "+84912345678",
    "+84 912 345 678",
    "(+84)912345678",
    "(+84) 0912 345 678",
    "0084 912 345 678",
    "０９１２３４５６７８",
  ])("when %j is typed, then it becomes +84912345678 / 0912 345 678", (input) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164: "+84912345678", national: "0912 345 678" });
  });

  it.each(["0321234567", "0521234567", "0561234567", "0591234567", "0701234567", "0861234567", "0991234567"])(
    "when the mobile prefix of %s is in the list, then it is accepted",
    (input) => {
      expect(normalizePhone(input).ok).toBe(true);
    },
  );

  it("when a Hà Nội or HCMC landline is typed, then it fails with phone.landline", () => {
    expectFailure(normalizePhone("024 3825 1234"), "phone.landline");
    expectFailure(normalizePhone("028.3829.1234"), "phone.landline");
    expectFailure(normalizePhone("+84 24 3825 1234"), "phone.landline");
  });

  it("when the prefix is not a mobile prefix (011, 060, 095), then it fails with phone.prefix_unknown", () => {
    const result = normalizePhone("0111234567");
    expectFailure(result, "phone.prefix_unknown");
    expect(result).toMatchObject({ params: { prefix: "011" } });
    expectFailure(normalizePhone("0601234567"), "phone.prefix_unknown");
    expectFailure(normalizePhone("0951234567"), "phone.prefix_unknown");
  });

  it("when the number has the wrong length or is not a number, then it fails with phone.format", () => {
    expectFailure(normalizePhone("091234567"), "phone.format");
    expectFailure(normalizePhone("09123456789"), "phone.format");
    expectFailure(normalizePhone("912345678"), "phone.format");
    expectFailure(normalizePhone("0912abc678"), "phone.format");
    expectFailure(normalizePhone("+84 91234"), "phone.format");
  });

  it("when a foreign number is typed, then it fails with phone.foreign; when empty, with phone.empty", () => {
    expectFailure(normalizePhone("+1 415 555 0100"), "phone.foreign");
    expectFailure(normalizePhone(""), "phone.empty");
  });
});

describe("maskPhone", () => {
  it("when a number is masked, then only the first digit after +84 and the last 3 show", () => {
    expect(maskPhone("+84912345678")).toBe("+84 9** *** 678");
    expect(maskPhone("0987654321")).toBe("+84 9** *** 321");
  });

  it("when the input is not a valid mobile number, then all but the last 3 digits are hidden", () => {
    expect(maskPhone("+1 415 555 0100")).toBe("***100");
  });
});
