import type { Router } from "express";
import type { Env } from "../config";
import {
  DEV_ZALO_APP_ID,
  DEV_ZALO_MINI_APP_ID,
  DEV_ZALO_OA_ID,
  DEV_ZALO_OA_SECRET_KEY,
} from "../standins/zalo-oa/dev";
import type { ZaloModule } from "../zalo/oa/module";
import { devChatRouter, type SimulatorIdentity } from "./router";

export { devChatRouter, type DevChatDeps, type SimulatorIdentity } from "./router";

export const DEV_CHAT_PATH = "/dev/chat";

/** The identity the Zalo module uses outside production: configured values, else the development ones. */
export function simulatorIdentity(env: Pick<Env, "ZALO_APP_ID" | "ZALO_OA_ID" | "ZALO_OA_SECRET_KEY" | "ZALO_MINI_APP_ID">): SimulatorIdentity {
  return {
    appId: env.ZALO_APP_ID ?? DEV_ZALO_APP_ID,
    oaId: env.ZALO_OA_ID ?? DEV_ZALO_OA_ID,
    oaSecretKey: env.ZALO_OA_SECRET_KEY ?? DEV_ZALO_OA_SECRET_KEY,
    miniAppId: env.ZALO_MINI_APP_ID ?? DEV_ZALO_MINI_APP_ID,
  };
}

/**
 * The simulator's routes for the app's `other` list: none in production, and none when no OA
 * stand-in runs (real Zalo URLs configured: replies would go to real people).
 */
export function devChatRoutes(deps: {
  env: Pick<Env, "NODE_ENV" | "ZALO_APP_ID" | "ZALO_OA_ID" | "ZALO_OA_SECRET_KEY" | "ZALO_MINI_APP_ID">;
  zalo: Pick<ZaloModule, "standin" | "conversations">;
  handBackToBot?: (userId: string) => Promise<boolean>;
}): Array<readonly [string, Router]> {
  if (deps.env.NODE_ENV === "production" || !deps.zalo.standin) return [];
  return [
    [
      DEV_CHAT_PATH,
      devChatRouter({
        identity: simulatorIdentity(deps.env),
        standinUrl: deps.zalo.standin.url,
        conversations: deps.zalo.conversations,
        ...(deps.handBackToBot ? { handBackToBot: deps.handBackToBot } : {}),
      }),
    ],
  ];
}
