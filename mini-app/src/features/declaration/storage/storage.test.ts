import { describe, expect, it } from "vitest";
import { filledForm, MemoryStorage } from "../testing";
import { emptyForm } from "../model/form";
import { createDraftStore } from "./draft";
import { STORAGE_KEYS } from "./keys";
import { formFromLast, lastDeclarationFrom, lastDeclarationSchema, personFrom, upsertPerson } from "./profile";
import { addReceipt, isExpired, MAX_RECEIPTS, receiptHistorySchema } from "./receipts";
import { sampleReceipt } from "../testing";

const NOW = new Date("2026-11-28T02:00:00Z");

describe("the draft on the phone", () => {
  it("when anything changes, then it is written at once, and a new app start reads it back", () => {
    const storage = new MemoryStorage();
    const draft = createDraftStore(storage, () => NOW);
    draft.start(emptyForm());
    draft.update((f) => ({ ...f, identity: { ...f.identity, fullName: "Nguyễn Văn An" } }));
    draft.update((f) => ({ ...f, health: { ...f.health, fever: false } }));
    draft.reached("trip");

    const reopened = createDraftStore(storage);
    expect(reopened.get()?.form.identity.fullName).toBe("Nguyễn Văn An");
    expect(reopened.get()?.form.health.fever).toBe(false);
    expect(reopened.get()?.step).toBe("trip");
  });

  it("when cleared, then nothing is left in storage", () => {
    const storage = new MemoryStorage();
    const draft = createDraftStore(storage);
    draft.start(filledForm());
    draft.clear();
    expect(storage.get(STORAGE_KEYS.draft)).toBeNull();
    expect(createDraftStore(storage).get()).toBeNull();
  });

  it("when what is stored is damaged or from an older shape, then the app starts without it or fills the gaps, never crashes", () => {
    const storage = new MemoryStorage();
    storage.set(STORAGE_KEYS.draft, "{not json");
    expect(createDraftStore(storage).get()).toBeNull();
    storage.set(STORAGE_KEYS.draft, JSON.stringify({ version: 1, form: { identity: { fullName: "An", gender: "robot" }, health: { fever: "yes" } }, step: "nowhere" }));
    const draft = createDraftStore(storage).get();
    expect(draft?.form.identity.fullName).toBe("An");
    expect(draft?.form.identity.gender).toBe("");
    expect(draft?.form.health.fever).toBeNull();
    expect(draft?.step).toBe("checkpoint");
  });

  it("how far the person got only moves forward (going back to fix something keeps 'continue at step 5')", () => {
    const draft = createDraftStore(new MemoryStorage());
    draft.start(emptyForm());
    draft.reached("health");
    draft.reached("identity");
    expect(draft.get()?.step).toBe("health");
  });
});

describe("the last declaration (for 'Khai báo lại')", () => {
  it("never keeps health answers, places visited or the test", () => {
    const stored = JSON.stringify(lastDeclarationFrom(filledForm(), "p-1", NOW));
    for (const word of [`"health"`, "fever", "cough", "contactWithCase", "placesVisited", "Chợ Đồng Xuân", `"test"`, "sampledAt", "negative", "pcr"]) {
      expect(stored, word).not.toContain(word);
    }
    const last = lastDeclarationSchema.parse(JSON.parse(stored));
    expect(last.identity.fullName).toBe("Nguyễn Văn An");
    expect(last.trip.plate).toBe("29a12345");
    expect(last.trip.vehicle).toBe("car");
    expect(last.residence.street).toBe("12 Phố Đội Cấn");
  });

  it("when declaring again, then identity, residence, vehicle and plate come back, and every health question and the test are unanswered", () => {
    const last = lastDeclarationFrom(filledForm(), "p-1", NOW);
    const form = formFromLast(last, filledForm().checkpoint, new Date(2026, 10, 29, 7, 15));
    expect(form.identity).toEqual(filledForm().identity);
    expect(form.trip.plate).toBe("29a12345");
    expect(form.trip.travelAt).toBe("2026-11-29T07:15");
    expect(Object.values(form.health).filter((v) => v !== null && v !== "")).toEqual([]);
    expect(form.test).toEqual({ kind: "", result: "", sampledAt: "" });
    expect(form.doses).toBe(3);
  });

  it("when the checkpoint checks both ways, then the direction is asked again; when it checks one way, places turn round to match", () => {
    const last = lastDeclarationFrom(filledForm(), "p-1", NOW); // Hải Phòng → Hà Nội, into
    const both = formFromLast(last, filledForm().checkpoint, NOW);
    expect(both.trip.direction).toBe("");
    const outOf = formFromLast(last, { ...filledForm().checkpoint, direction: "out_of" }, NOW);
    expect(outOf.trip.direction).toBe("out_of");
    expect(outOf.trip.departure.provinceCode).toBe("01");
    expect(outOf.trip.destination.provinceCode).toBe("31");
  });

  it("saved people: the same ID document is the same person, most recent first", () => {
    const a = personFrom(filledForm(), "p-1", NOW);
    const child = personFrom({ ...filledForm(), identity: { ...filledForm().identity, fullName: "Nguyễn Minh Khôi", idNumber: "001214012345" } }, "p-2", NOW);
    const again = personFrom({ ...filledForm(), identity: { ...filledForm().identity, idNumber: "001 090 123 456", phone: "0987654321" } }, "p-3", NOW);
    const people = upsertPerson(upsertPerson(upsertPerson([], a), child), again);
    expect(people.map((p) => p.id)).toEqual(["p-3", "p-2"]);
    expect(JSON.stringify(people)).not.toContain("fever");
  });
});

describe("receipt history", () => {
  it("keeps the newest first, without duplicates, at most MAX_RECEIPTS", () => {
    let history = addReceipt([], sampleReceipt({ code: "0000000001" }), [], NOW);
    history = addReceipt(history, sampleReceipt({ code: "0000000002" }), [], NOW);
    history = addReceipt(history, sampleReceipt({ code: "0000000001", status: "forwarded" }), [], NOW);
    expect(history.map((r) => [r.receipt.code, r.receipt.status])).toEqual([
      ["0000000001", "forwarded"],
      ["0000000002", "accepted"],
    ]);
    for (let i = 0; i < MAX_RECEIPTS + 5; i++) history = addReceipt(history, sampleReceipt({ code: String(100 + i).padStart(10, "0") }), [], NOW);
    expect(history).toHaveLength(MAX_RECEIPTS);
    expect(receiptHistorySchema.parse(JSON.parse(JSON.stringify(history)))).toHaveLength(MAX_RECEIPTS);
  });

  it("a receipt is expired from its expiry time on", () => {
    const receipt = sampleReceipt({ expiresAt: "2026-12-01T01:30:00.000Z" });
    expect(isExpired(receipt, new Date("2026-12-01T01:29:59Z"))).toBe(false);
    expect(isExpired(receipt, new Date("2026-12-01T01:30:00Z"))).toBe(true);
  });
});
