// Helpers for tests of the operators' routes: the real routes on a test database, real ward data.
import type { Router } from "express";
import { loadAdminUnits, type AdminUnitsRepository } from "../admin-units";
import { testCipher } from "../declarations/testing";
import type { FieldCipher } from "../privacy/types";
import type { Database } from "../storage";
import { operatorRoutes } from "./index";

let units: AdminUnitsRepository | undefined;
export function testAdminUnits(): AdminUnitsRepository {
  units ??= loadAdminUnits();
  return units;
}

export const TEST_MINI_APP_ID = "1234567890123456789";
export const TEST_PUBLIC_BASE_URL = "https://khaibao.example.vn";

export async function operatorTestRoutes(db: Database, opts: { now?: () => Date; cipher?: FieldCipher } = {}): Promise<Router[]> {
  const adminUnits = testAdminUnits();
  return operatorRoutes({
    db,
    cipher: opts.cipher ?? (await testCipher()),
    wards: adminUnits,
    places: { provinceName: (c) => adminUnits.province(c)?.name, wardName: (c) => adminUnits.ward(c)?.name },
    miniAppId: TEST_MINI_APP_ID,
    publicBaseUrl: TEST_PUBLIC_BASE_URL,
    now: opts.now ?? (() => new Date()),
  });
}
