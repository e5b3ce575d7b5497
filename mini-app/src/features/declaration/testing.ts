import type { Receipt, SubmitDeclarationResponse } from "@khaibao/shared";
import type { ApiClient } from "../../lib/api-client";
import type { Platform, PlatformStorage } from "../../platform";
import { emptyForm, type DeclarationForm } from "./model/form";

/**
 * Test helpers (imported by tests only): a form filled like `sampleDeclaration()` from the
 * shared fixtures, an in-memory platform, a fake API.
 */
export function filledForm(): DeclarationForm {
  const f = emptyForm();
  return {
    ...f,
    checkpoint: { id: "HN-PHAPVAN", name: "Pháp Vân - Cầu Giẽ", direction: "both", provinceCode: "01", provinceName: "Hà Nội", address: "" },
    identity: {
      relationship: "self",
      fullName: "Nguyễn Văn An",
      idKind: "cccd",
      idNumber: "001090123456",
      birthDate: "12/05/1990",
      gender: "male",
      nationality: "VN",
      phone: "0912 345 678",
      email: "",
      healthInsuranceNumber: "",
    },
    residence: { provinceCode: "01", wardCode: "00004", wardName: "Phường Ba Đình", street: "12 Phố Đội Cấn" },
    trip: {
      ...f.trip,
      direction: "into",
      placesDirection: "into",
      departure: { provinceCode: "31", wardCode: "", wardName: "" },
      destination: { provinceCode: "01", wardCode: "00004", wardName: "Phường Ba Đình" },
      travelAt: "2026-11-28T08:30",
      vehicle: "car",
      plate: "29a12345",
      purpose: "work",
      employer: "Công ty TNHH An Phát",
    },
    health: {
      fever: false,
      cough: false,
      shortnessOfBreath: false,
      soreThroat: false,
      fatigue: false,
      lossOfTasteOrSmell: false,
      contactWithCase: false,
      placesVisited: "Chợ Đồng Xuân",
    },
    test: { kind: "pcr", result: "negative", sampledAt: "2026-11-27T07:00" },
    doses: 3,
  };
}

export class MemoryStorage implements PlatformStorage {
  readonly data = new Map<string, string>();
  get(key: string) {
    return this.data.get(key) ?? null;
  }
  set(key: string, value: string) {
    this.data.set(key, value);
  }
  remove(key: string) {
    this.data.delete(key);
  }
}

export interface FakePlatform extends Platform {
  storage: MemoryStorage;
  setOnline(online: boolean): void;
  resume(): void;
}

export function fakePlatform(storage = new MemoryStorage()): FakePlatform {
  let online = true;
  const network = new Set<(online: boolean) => void>();
  const resume = new Set<() => void>();
  const unused = () => Promise.reject(new Error("not used in this test"));
  return {
    kind: "browser",
    storage,
    getLaunchParams: () => ({ all: {} }),
    getLanguage: () => "vi",
    getAccessToken: () => Promise.resolve("dev:tester"),
    getUserInfo: unused,
    getPhoneNumberToken: unused,
    closeLoading: () => Promise.resolve(),
    isOnline: () => online,
    onNetworkChange(listener) {
      network.add(listener);
      return () => network.delete(listener);
    },
    onResume(listener) {
      resume.add(listener);
      return () => resume.delete(listener);
    },
    scanQR: unused,
    saveImage: unused,
    share: unused,
    openChat: unused,
    setOnline(next) {
      online = next;
      for (const l of network) l(next);
    },
    resume() {
      for (const l of resume) l();
    },
  };
}

export function sampleReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    code: "4821773019",
    declarationId: "d-1",
    checkpointId: "HN-PHAPVAN",
    checkpointName: "Pháp Vân - Cầu Giẽ",
    direction: "into",
    issuedAt: "2026-11-28T01:30:00.000Z",
    expiresAt: "2026-12-01T01:30:00.000Z",
    holderName: "NGUYEN V** A*",
    holderId: "***456",
    status: "accepted",
    qr: "KB1:TEST",
    ...overrides,
  };
}

export function submitted(receipt = sampleReceipt()): SubmitDeclarationResponse {
  return { receipt, replayed: false, warnings: [] };
}

/** An API whose every request is answered by `respond` (which sees the path and the body). */
export function fakeApi(respond: (path: string, body: unknown) => Promise<unknown>): ApiClient & { calls: { path: string; body: unknown }[] } {
  const calls: { path: string; body: unknown }[] = [];
  return {
    calls,
    request(path, schema, options = {}) {
      calls.push({ path, body: options.body });
      return respond(path, options.body).then((value) => schema.parse(value));
    },
  };
}
