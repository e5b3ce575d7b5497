import type { Lang } from "@khaibao/shared";

/**
 * What the app needs from where it runs. Two implementations: `zalo` (the real zmp-sdk inside
 * the Zalo app) and `browser` (the local preview and tests: localStorage, a dev identity, no
 * camera). This folder is the only place allowed to import zmp-sdk (eslint enforces it).
 */
export interface Platform {
  readonly kind: PlatformKind;
  /** Query parameters the app was opened with, e.g. `?checkpoint=HN-PHAPVAN` from a poster's QR. */
  getLaunchParams(): LaunchParams;
  /** The user's language in Zalo (or the browser's); Vietnamese unless it is English. */
  getLanguage(): Lang;
  /** Small synchronous key-value storage that survives restarts (5 MB in Zalo). */
  readonly storage: PlatformStorage;
  /** Token our server checks against Zalo's Graph API; null when there is none. */
  getAccessToken(): Promise<string | null>;
  /** The user's Zalo id; name and avatar need consent, so ask with `requestPermission`. */
  getUserInfo(options?: { requestPermission?: boolean }): Promise<PlatformUser>;
  /** Single-use token (2 minutes) our server exchanges for the phone number; null when there is none, rejects `denied` when refused. */
  getPhoneNumberToken(): Promise<string | null>;
  /** Hides Zalo's splash screen (app-config `selfControlLoading: true`). Idempotent. */
  closeLoading(): Promise<void>;
  isOnline(): boolean;
  /** Calls `listener` whenever connectivity changes; returns an unsubscribe function. */
  onNetworkChange(listener: (online: boolean) => void): () => void;
  /** Calls `listener` when the app comes back to the foreground; returns an unsubscribe function. */
  onResume(listener: () => void): () => void;
  /** Opens the camera to scan a QR code and resolves with its text. Rejects `not_supported` outside Zalo. */
  scanQR(): Promise<string>;
  /** Saves a `data:image/png;base64,...` image to the phone's gallery (a download named `fileName` in a browser). */
  saveImage(dataUrl: string, fileName?: string): Promise<void>;
  share(content: ShareContent): Promise<void>;
  /** Opens a chat with our Official Account, optionally with a pre-filled message. */
  openChat(oaId: string, message?: string): Promise<void>;
}

export type PlatformKind = "zalo" | "browser";

export interface LaunchParams {
  /** Raw checkpoint id as found in the URL; validate it before use. */
  checkpoint?: string;
  /** A screen to open first (`?view=wallet` from the chat-bot's "vaccination certificate" answer). */
  view?: LaunchView;
  /** Every parameter, for the ones we have not named yet (utm_source, env...). */
  all: Readonly<Record<string, string>>;
}

export interface PlatformStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export interface PlatformUser {
  id: string;
  name: string | null;
  avatarUrl: string | null;
  /** Zalo marks some users (e.g. children) whose data needs special care. */
  isSensitive: boolean;
}

/** Screens a launch link may open directly; anything else in `?view=` is ignored. */
export const LAUNCH_VIEWS = ["wallet"] as const;
export type LaunchView = (typeof LAUNCH_VIEWS)[number];

export interface ShareContent {
  text: string;
  url?: string;
  /**
   * A PNG to share along with the text, where the platform can (a browser with the Web Share
   * API level 2). Zalo's share sheet takes image URLs only, so there the text goes alone.
   */
  image?: { dataUrl: string; fileName: string };
}

/** Why a platform call failed, independent of the SDK's numeric codes. */
export type PlatformErrorCode =
  | "not_supported"
  | "denied"
  | "cancelled"
  | "unauthorized"
  | "timeout"
  | "rate_limited"
  | "failed";

export class PlatformError extends Error {
  override readonly name = "PlatformError";
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    /** The SDK's own code (e.g. -1404), kept for logs. */
    readonly sdkCode?: number,
  ) {
    super(message);
  }
}

export function isPlatformError(error: unknown, code?: PlatformErrorCode): error is PlatformError {
  return error instanceof PlatformError && (code === undefined || error.code === code);
}
