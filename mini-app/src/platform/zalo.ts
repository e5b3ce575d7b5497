import {
  EventName,
  closeLoading,
  events,
  getAccessToken,
  getNetworkType,
  getPhoneNumber,
  getRouteParams,
  getSystemInfo,
  getUserInfo,
  nativeStorage,
  onNetworkStatusChange,
  openChat,
  openShareSheet,
  saveImageToGallery,
  scanQRCode,
} from "zmp-sdk/apis";
import { languageFromTag, parseLaunchParams } from "./detect";
import { createBrowserStorage } from "./browser";
import { toPlatformError } from "./zalo-errors";
import { PlatformError, type LaunchParams, type Platform, type PlatformStorage } from "./types";

/**
 * The app inside Zalo. This module is only ever loaded with a dynamic `import()` (see
 * `index.ts`), so the SDK stays out of the bundle a browser downloads.
 *
 * Every SDK call is awaited as a promise and never given `success`/`fail` callbacks: with both,
 * the promise never settles. SDK rejections are plain objects; {@link toPlatformError} maps their
 * numeric codes to ours.
 */

async function call<T>(api: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toPlatformError(error, api);
  }
}

function readLaunchParams(win: Window): LaunchParams {
  try {
    return parseLaunchParams(getRouteParams());
  } catch {
    return parseLaunchParams(win.location.search);
  }
}

function readLanguage(win: Window) {
  try {
    const info = getSystemInfo();
    return languageFromTag(info.zaloLanguage || info.language);
  } catch {
    return languageFromTag(win.navigator.language);
  }
}

/** nativeStorage is synchronous and throws where unsupported; keep working from memory then. */
function createZaloStorage(): PlatformStorage {
  const fallback = createBrowserStorage(null);
  return {
    get(key) {
      try {
        const value = nativeStorage.getItem(key);
        return typeof value === "string" && value !== "" ? value : null;
      } catch {
        return fallback.get(key);
      }
    },
    set(key, value) {
      try {
        nativeStorage.setItem(key, value);
      } catch {
        fallback.set(key, value);
      }
    },
    remove(key) {
      try {
        nativeStorage.removeItem(key);
      } catch {
        fallback.remove(key);
      }
    },
  };
}

export function createZaloPlatform(win: Window = window): Platform {
  const launch = readLaunchParams(win);
  const lang = readLanguage(win);
  const storage = createZaloStorage();

  // onNetworkStatusChange has no unsubscribe: register once and fan out to our listeners.
  let online = win.navigator.onLine;
  const listeners = new Set<(online: boolean) => void>();
  const setOnline = (next: boolean) => {
    if (next === online) return;
    online = next;
    for (const listener of listeners) listener(next);
  };
  try {
    onNetworkStatusChange((status: { isConnected: boolean }) => setOnline(status.isConnected));
  } catch {
    // Older Zalo versions: fall back to the webview's own events.
    win.addEventListener("online", () => setOnline(true));
    win.addEventListener("offline", () => setOnline(false));
  }
  void getNetworkType()
    .then(({ networkType }) => setOnline(networkType !== "none"))
    .catch(() => undefined);

  let loadingClosed: Promise<void> | null = null;

  return {
    kind: "zalo",
    getLaunchParams: () => launch,
    getLanguage: () => lang,
    storage,
    getAccessToken: () => call("getAccessToken", async () => (await getAccessToken()) || null),
    getUserInfo: (options) =>
      call("getUserInfo", async () => {
        const { userInfo } = await getUserInfo({ autoRequestPermission: options?.requestPermission ?? false });
        return {
          id: userInfo.id,
          name: userInfo.name || null,
          avatarUrl: userInfo.avatar || null,
          isSensitive: userInfo.isSensitive ?? false,
        };
      }),
    getPhoneNumberToken: () => call("getPhoneNumber", async () => (await getPhoneNumber()).token ?? null),
    closeLoading() {
      // Once is enough; a second call after the splash is gone is pointless native traffic.
      loadingClosed ??= call("closeLoading", () => closeLoading());
      return loadingClosed;
    },
    isOnline: () => online,
    onResume(listener) {
      const handler = () => listener();
      try {
        events.on(EventName.AppResumed, handler);
      } catch {
        return () => undefined;
      }
      return () => {
        try {
          events.off(EventName.AppResumed, handler);
        } catch {
          // nothing to undo
        }
      };
    },
    onNetworkChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    scanQR: () =>
      call("scanQRCode", async () => {
        // Undocumented in 2.51.6: an empty answer (closed camera, the SDK's mocks) is "nothing scanned".
        const content = (await scanQRCode())?.content;
        if (typeof content !== "string" || content === "") throw new PlatformError("cancelled", "Nothing was scanned");
        return content;
      }),
    saveImage: (dataUrl) => call("saveImageToGallery", () => saveImageToGallery({ imageBase64Data: dataUrl })),
    share: (content) =>
      call("openShareSheet", async () => {
        await openShareSheet({
          type: "text",
          data: { text: content.url ? `${content.text}\n${content.url}` : content.text, autoParseLink: true },
        });
      }),
    openChat: (oaId, message) =>
      call("openChat", () => openChat(message ? { type: "oa", id: oaId, message } : { type: "oa", id: oaId })),
  };
}
