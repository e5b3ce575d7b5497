import { listenStandin, type RunningStandin } from "../listen";
import { createZaloOaStandinApp } from "./app";
import { DEV_ZALO_OA_REFRESH_TOKEN } from "./dev";
import { ZaloOaStandinState } from "./state";

export { createZaloOaStandinApp, postSigned, STANDIN_OA_ERRORS, STANDIN_OAUTH_ERRORS } from "./app";
export { ZaloOaStandinState, type StandinSentMessage, type StandinFault, type RefreshUse } from "./state";
export * from "./dev";

export interface ZaloOaStandinOptions {
  appId: string;
  appSecret: string;
  oaId: string;
  oaSecretKey: string;
  /** The refresh token it accepts first (default the development seed). */
  initialRefreshToken?: string;
  /** Accept unknown refresh tokens shaped like its own, once each (development: survives restarts). Default false. */
  acceptDevRefreshTokens?: boolean;
  /** Access token lifetime (default 90000 s, Zalo's 25 h). */
  accessTtlSeconds?: number;
  /** Where echoes and simulated user events are delivered (can be set later). */
  webhookUrl?: string;
  now?: () => number;
  port?: number;
}

export interface ZaloOaStandin extends RunningStandin {
  state: ZaloOaStandinState;
}

/** Starts the OA API + OAuth stand-in on its own port (0 = a free one). Development and tests only. */
export async function startZaloOaStandin(opts: ZaloOaStandinOptions): Promise<ZaloOaStandin> {
  const state = new ZaloOaStandinState(opts.now ?? Date.now, opts.accessTtlSeconds ?? 90_000);
  state.refreshTokens.set(opts.initialRefreshToken ?? DEV_ZALO_OA_REFRESH_TOKEN, "valid");
  state.webhookUrl = opts.webhookUrl;
  const app = createZaloOaStandinApp(
    { appId: opts.appId, appSecret: opts.appSecret, oaId: opts.oaId, oaSecretKey: opts.oaSecretKey, acceptDevRefreshTokens: opts.acceptDevRefreshTokens ?? false },
    state,
  );
  const running = await listenStandin(app, opts.port ?? 0);
  return { ...running, state };
}
