import { describe, expect, it } from "vitest";
import { buildErrorBody, submitDeclarationRequestSchema } from "@khaibao/shared";
import { ApiError } from "../../lib/api-client";
import { commitDeclaration } from "./commit";
import { createRuntime } from "./runtime";
import { STORAGE_KEYS } from "./storage/keys";
import { fakeApi, fakePlatform, filledForm, sampleReceipt, submitted } from "./testing";

const settle = () => new Promise((r) => setTimeout(r, 0));
const NOW = () => new Date("2026-11-28T01:30:00Z");

describe("declaring, end to end on the phone (fake API)", () => {
  it("when committed and answered, then the receipt is kept, the declaration is remembered without health, and the draft is gone", async () => {
    const platform = fakePlatform();
    const api = fakeApi(() => Promise.resolve(submitted()));
    const runtime = createRuntime(platform, api, NOW);
    runtime.draft.start(filledForm());

    const result = commitDeclaration(runtime, filledForm(), () => "7f1c2a4e-1111-4aaa-8bbb-000000000001");
    expect(result).toEqual({ ok: true, key: "7f1c2a4e-1111-4aaa-8bbb-000000000001" });
    expect(runtime.draft.get()).toBeNull();
    await settle();

    expect(api.calls.map((c) => c.path)).toEqual(["/api/declarations"]);
    const body = submitDeclarationRequestSchema.parse(api.calls[0]?.body);
    expect(body.idempotencyKey).toBe("7f1c2a4e-1111-4aaa-8bbb-000000000001");
    expect(body.declaration.identity.phone).toBe("+84912345678");
    expect(body.declaration.health.fever).toBe(false);

    expect(runtime.receipts.get().map((r) => r.receipt.code)).toEqual(["4821773019"]);
    expect(runtime.outbox.getState().items).toEqual([]);
    const last = platform.storage.get(STORAGE_KEYS.last) ?? "";
    expect(last).toContain("Nguyễn Văn An");
    expect(last).toContain("29a12345");
    expect(last).not.toContain("fever");
    expect(last).not.toContain("sampledAt");
    expect(runtime.people.get().map((p) => p.identity.fullName)).toEqual(["Nguyễn Văn An"]);
    expect(platform.storage.get(STORAGE_KEYS.people)).not.toContain("fever");
  });

  it("when the declaration is incomplete, then nothing is queued and the issues name the fields", () => {
    const runtime = createRuntime(fakePlatform(), fakeApi(() => Promise.resolve(submitted())), NOW);
    const form = filledForm();
    form.health.cough = null;
    const result = commitDeclaration(runtime, form);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(["health.cough"]);
    expect(runtime.outbox.getState().items).toEqual([]);
  });

  it("when the network is down, then it waits on the phone and goes out when the network returns; the same key both times", async () => {
    const platform = fakePlatform();
    let up = false;
    const api = fakeApi(() => (up ? Promise.resolve(submitted()) : Promise.reject(new ApiError("network", "network.unreachable", "down"))));
    const runtime = createRuntime(platform, api, NOW);
    runtime.outbox.start();
    platform.setOnline(false);
    commitDeclaration(runtime, filledForm());
    await settle();
    expect(api.calls).toHaveLength(0);
    expect(JSON.parse(platform.storage.get(STORAGE_KEYS.outbox) ?? "[]")).toHaveLength(1);

    up = true;
    platform.setOnline(true);
    await settle();
    expect(api.calls).toHaveLength(1);
    expect(runtime.receipts.get()).toHaveLength(1);
    runtime.outbox.stop();
  });

  it("when the server rejects a field, then the form comes back as the draft, at that step, with the server's message on the field", async () => {
    const body = buildErrorBody("http.validation_failed", "vi", { fields: [{ path: "residence.wardCode", code: "address.ward_not_in_province", params: { ward: "Phường X", province: "Hà Nội" } }] });
    const api = fakeApi(() =>
      Promise.reject(new ApiError("http", "http.validation_failed", body.error.message, { status: 400, messages: body.error.messages, fields: body.error.fields ?? [] })),
    );
    const runtime = createRuntime(fakePlatform(), api, NOW);
    commitDeclaration(runtime, filledForm());
    await settle();
    expect(runtime.draft.get()?.form.identity.fullName).toBe("Nguyễn Văn An");
    expect(runtime.draft.get()?.form.health.fever).toBe(false);
    expect(runtime.draft.get()?.step).toBe("review");
    expect(runtime.returned.get()?.fields.map((f) => [f.path, f.messages.vi])).toEqual([["residence.wardCode", "Phường X không thuộc Hà Nội"]]);
    expect(runtime.returned.get()?.values["residence.wardCode"]).toBe("00004");
    expect(runtime.receipts.get()).toEqual([]);
  });

  it("a receipt with a later status replaces the stored one", async () => {
    const api = fakeApi(() => Promise.resolve(submitted(sampleReceipt({ status: "forwarded" }))));
    const runtime = createRuntime(fakePlatform(), api, NOW);
    commitDeclaration(runtime, filledForm());
    await settle();
    expect(runtime.receipts.get()[0]?.receipt.status).toBe("forwarded");
  });
});
