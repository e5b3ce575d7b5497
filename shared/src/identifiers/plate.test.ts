import { describe, expect, it } from "vitest";
import { translate } from "../i18n/translate";
import { identifierMessages } from "./messages";
import { normalizePlate } from "./plate";

describe("normalizePlate: cars", () => {
  it.each([
    ["29a12345", "29A-123.45"],
    ["29A 123.45", "29A-123.45"],
    ["29-A-12345", "29A-123.45"],
    ["29A-123.45", "29A-123.45"],
    [" 30k 678 90 ", "30K-678.90"],
    ["29A1234", "29A-1234"],
    ["29A-1234", "29A-1234"],
    ["51LD-123.45", "51LD-123.45"],
    ["51ld12345", "51LD-123.45"],
    ["80NG 12345", "80NG-123.45"],
    ["29KT-1234", "29KT-1234"],
  ])("when %j is typed, then it is the car plate %s", (input, canonical) => {
    expect(normalizePlate(input)).toEqual({ ok: true, kind: "car", value: canonical });
  });
});

describe("normalizePlate: motorbikes", () => {
  it.each([
    ["29B112345", "29-B1 123.45"],
    ["29-B1 123.45", "29-B1 123.45"],
    ["29 b1 12345", "29-B1 123.45"],
    ["29-B1 1234", "29-B1 1234"],
    ["29B1-1234", "29-B1 1234"],
    ["29-A1 2345", "29-A1 2345"],
    ["29-AA 123.45", "29-AA 123.45"],
    ["29AA12345", "29-AA 123.45"],
    ["59-MĐ 123.45", "59-MĐ 123.45"],
  ])("when %j is typed, then it is the motorbike plate %s", (input, canonical) => {
    expect(normalizePlate(input)).toEqual({ ok: true, kind: "motorbike", value: canonical });
  });

  it("when the input fits both kinds, then the declared vehicle kind breaks the tie", () => {
    expect(normalizePlate("29A12345", { kind: "motorbike" })).toEqual({ ok: true, kind: "motorbike", value: "29-A1 2345" });
    expect(normalizePlate("29AA12345", { kind: "car" })).toEqual({ ok: true, kind: "car", value: "29AA-123.45" });
  });

  it("when the shape fits only one kind, then the declared kind does not override it", () => {
    expect(normalizePlate("29B112345", { kind: "car" })).toMatchObject({ kind: "motorbike" });
  });
});

describe("normalizePlate: garbage", () => {
  it.each(["", "hello", "29", "29A", "29A-123", "29A-123.456.7", "A29-12345", "2A-123.45", "05A-123.45", "10A-12345", "29A-123.45X", "29ĐA-12345X", "29Đ12345", "29ABC12345", "29AB123456"])(
    "when %j is typed, then it fails with plate.format",
    (input) => {
      expect(normalizePlate(input)).toEqual({ ok: false, code: "plate.format" });
      expect(translate(identifierMessages, "plate.format", "vi")).not.toBe("plate.format");
    },
  );
});
