import { describe, expect, it } from "vitest";
import { cannedAnswerRequestSchema, fillCannedAnswer, inboxLabelSchema } from "./api";

describe("canned answers", () => {
  const fallback = { name: "anh/chị", checkpoint: "điểm chốt" };

  it("when an answer has variables, then {ten}/{name} become the citizen's name and {diem_chot}/{checkpoint} their checkpoint", () => {
    expect(fillCannedAnswer("Chào {ten}, tại {diem_chot}. Hi {name} at {checkpoint}.", { name: "Mai", checkpoint: "Pháp Vân" }, fallback)).toBe(
      "Chào Mai, tại Pháp Vân. Hi Mai at Pháp Vân.",
    );
  });

  it("when the name or checkpoint is unknown, then a polite fallback is used and other braces stay", () => {
    expect(fillCannedAnswer("Chào {ten}, {diem_chot} {khac}", { name: null, checkpoint: null }, fallback)).toBe("Chào anh/chị, điểm chốt {khac}");
  });

  it("when a shortcut or label is typed loosely, then it is normalised or refused", () => {
    expect(cannedAnswerRequestSchema.parse({ shortcut: " Chao ", title: "x", body: "y" }).shortcut).toBe("chao");
    expect(cannedAnswerRequestSchema.safeParse({ shortcut: "chào", title: "x", body: "y" }).success).toBe(false);
    expect(inboxLabelSchema.parse(" Mất Phiếu ")).toBe("mất phiếu");
    expect(inboxLabelSchema.safeParse("<b>").success).toBe(false);
  });
});
