import { pickLang, type Lang } from "@khaibao/shared";
import { LAUNCH_VIEWS, type LaunchParams, type LaunchView, type PlatformKind } from "./types";

/** What start-up looks at to decide where we run; read from `window` by {@link readEnvironment}. */
export interface EnvironmentHints {
  hostname: string;
  /** Zalo's native bridge object, injected into the webview by the Zalo app. */
  hasZaloBridge: boolean;
  /** `window.APP_ID`, set by Zalo's page shell (and by `zmp start`). */
  appId: string | null;
}

/** Zalo serves mini apps from h5.zdn.vn; its other domains are zalo.me, zaloapp.com, zadn.vn. */
const ZALO_HOST = /(^|\.)(zdn\.vn|zadn\.vn|zalo\.me|zaloapp\.com)$/i;

/**
 * Zalo when we are on Zalo's host or Zalo's page shell is present; the browser implementation
 * everywhere else (our `/app/` preview on localhost, a LAN address, tests). Deliberately not
 * "whenever zmp-sdk loads": the SDK loads anywhere and then fails every call off Zalo's host.
 */
export function detectPlatformKind(hints: EnvironmentHints): PlatformKind {
  if (ZALO_HOST.test(hints.hostname)) return "zalo";
  if (hints.hasZaloBridge || (hints.appId !== null && hints.appId !== "")) return "zalo";
  return "browser";
}

interface ZaloWindowGlobals {
  ZJSBridge?: unknown;
  APP_ID?: unknown;
}

export function readEnvironment(win: Window): EnvironmentHints {
  const globals = win as unknown as ZaloWindowGlobals;
  return {
    hostname: win.location.hostname,
    hasZaloBridge: globals.ZJSBridge !== undefined && globals.ZJSBridge !== null,
    appId: typeof globals.APP_ID === "string" || typeof globals.APP_ID === "number" ? String(globals.APP_ID) : null,
  };
}

/** Turns a query string (or the SDK's already-parsed params) into our launch params. */
export function parseLaunchParams(source: string | Readonly<Record<string, string>>): LaunchParams {
  const all: Record<string, string> = {};
  if (typeof source === "string") {
    for (const [key, value] of new URLSearchParams(source)) all[key] = value;
  } else {
    for (const [key, value] of Object.entries(source)) if (typeof value === "string") all[key] = value;
  }
  const checkpoint = all["checkpoint"]?.trim();
  const view = LAUNCH_VIEWS.find((v: LaunchView) => v === all["view"]?.trim());
  return { ...(checkpoint ? { checkpoint } : {}), ...(view ? { view } : {}), all };
}

/** Our language from a device tag ("vi-VN", "en-US"); anything but English means Vietnamese. */
export function languageFromTag(tag: string | null | undefined): Lang {
  return pickLang(tag);
}
