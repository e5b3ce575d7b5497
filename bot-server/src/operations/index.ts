import type { Router } from "express";
import type { WardLookup } from "@khaibao/shared";
import { CheckpointRegistry } from "../checkpoints/registry";
import type { PlaceNames } from "../checkpoints/routes";
import { checkpointStaffRoutes } from "../checkpoints/staff-routes";
import { DashboardCounts, dashboardRoutes } from "../dashboard";
import { ForwardingProblems } from "../declarations/outbox/problems";
import { DailyExport, exportRoutes } from "../exports";
import type { FieldCipher } from "../privacy/types";
import { DEV_ZALO_MINI_APP_ID } from "../standins/zalo-oa/dev";
import type { Database } from "../storage";

export interface OperatorDeps {
  db: Database;
  cipher: FieldCipher;
  wards: WardLookup;
  places: PlaceNames;
  /** `ZALO_MINI_APP_ID` (required in production); the stand-in's id in development. */
  miniAppId: string | undefined;
  publicBaseUrl: string | undefined;
  now: () => Date;
}

/**
 * What the city's operators use in the console, as staff routes (mounted behind the session,
 * CSRF and permission guards): the checkpoint registry and posters, the live dashboard and the
 * department's daily export.
 */
export function operatorRoutes(deps: OperatorDeps): Router[] {
  const miniAppId = deps.miniAppId ?? DEV_ZALO_MINI_APP_ID;
  const registry = new CheckpointRegistry({ db: deps.db, wards: deps.wards, places: deps.places, miniAppId, now: deps.now });
  return [
    checkpointStaffRoutes({ registry, places: deps.places, miniAppId, publicBaseUrl: deps.publicBaseUrl, now: deps.now }),
    dashboardRoutes({ counts: new DashboardCounts(deps.db, new ForwardingProblems(deps.db)), now: deps.now }),
    exportRoutes({ db: deps.db, daily: new DailyExport({ db: deps.db, cipher: deps.cipher, places: deps.places, now: deps.now }), now: deps.now }),
  ];
}
