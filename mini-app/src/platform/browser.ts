import { languageFromTag, parseLaunchParams } from "./detect";
import { PlatformError, type Platform, type PlatformStorage, type PlatformUser, type ShareContent } from "./types";

/**
 * The app outside Zalo: the bot server's `/app/` preview, `vite dev` and the browser tests.
 * Identity is a typed dev identity the server's local Zalo stand-in recognises; there is no
 * camera, so `scanQR` rejects with `not_supported` and the UI offers typing or pasting instead.
 */

/** Access tokens of dev users look like `dev:<userId>`; only the local Zalo stand-in accepts them. */
export const DEV_TOKEN_PREFIX = "dev:";
/** Phone tokens of dev users look like `dev-phone:<userId>`. */
export const DEV_PHONE_TOKEN_PREFIX = "dev-phone:";

const DEV_USER_KEY = "devUser";
const DEV_USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const STORAGE_PREFIX = "khaibao:";

export interface DevIdentity {
  userId: string;
  name: string;
}

export function devAccessToken(userId: string): string {
  return `${DEV_TOKEN_PREFIX}${userId}`;
}

/**
 * `?devUser=<id>` picks the dev identity (and is remembered); otherwise the one remembered from
 * an earlier visit; otherwise a new random one, so two testers on one server are two users.
 */
export function resolveDevUserId(fromUrl: string | undefined, remembered: string | null, newId: () => string): string {
  if (fromUrl !== undefined && DEV_USER_ID.test(fromUrl)) return fromUrl;
  if (remembered !== null && DEV_USER_ID.test(remembered)) return remembered;
  return newId();
}

function randomDevUserId(): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return `dev-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** localStorage under a prefix; falls back to memory where storage is blocked (private mode, quota). */
export function createBrowserStorage(backing: Storage | null): PlatformStorage {
  const memory = new Map<string, string>();
  return {
    get(key) {
      try {
        const stored = backing?.getItem(STORAGE_PREFIX + key);
        if (stored !== null && stored !== undefined) return stored;
      } catch {
        // fall through to memory
      }
      return memory.get(key) ?? null;
    },
    set(key, value) {
      memory.set(key, value);
      try {
        backing?.setItem(STORAGE_PREFIX + key, value);
      } catch {
        // memory keeps it for this session
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        backing?.removeItem(STORAGE_PREFIX + key);
      } catch {
        // nothing to do
      }
    },
  };
}

function localStorageOrNull(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

export function createBrowserPlatform(win: Window = window): Platform {
  const launch = parseLaunchParams(win.location.search);
  const storage = createBrowserStorage(localStorageOrNull(win));
  const userId = resolveDevUserId(launch.all["devUser"], storage.get(DEV_USER_KEY), randomDevUserId);
  storage.set(DEV_USER_KEY, userId);
  const identity: DevIdentity = { userId, name: `Người dùng thử ${userId}` };
  // `?lang=en` lets a developer see the English texts without changing the browser's language.
  const lang = languageFromTag(launch.all["lang"] ?? win.navigator.languages?.[0] ?? win.navigator.language);

  return {
    kind: "browser",
    getLaunchParams: () => launch,
    getLanguage: () => lang,
    storage,
    getAccessToken: () => Promise.resolve(devAccessToken(identity.userId)),
    getUserInfo: (): Promise<PlatformUser> =>
      Promise.resolve({ id: identity.userId, name: identity.name, avatarUrl: null, isSensitive: false }),
    getPhoneNumberToken: () => Promise.resolve(`${DEV_PHONE_TOKEN_PREFIX}${identity.userId}`),
    closeLoading: () => Promise.resolve(),
    isOnline: () => win.navigator.onLine,
    onNetworkChange(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      win.addEventListener("online", online);
      win.addEventListener("offline", offline);
      return () => {
        win.removeEventListener("online", online);
        win.removeEventListener("offline", offline);
      };
    },
    scanQR: () =>
      Promise.reject(new PlatformError("not_supported", "QR scanning needs the Zalo app; type or paste the code instead")),
    saveImage(dataUrl) {
      const link = win.document.createElement("a");
      link.href = dataUrl;
      link.download = "khai-bao.png";
      link.click();
      return Promise.resolve();
    },
    async share(content: ShareContent) {
      const text = content.url ? `${content.text}\n${content.url}` : content.text;
      if (typeof win.navigator.share === "function") {
        try {
          await win.navigator.share(content.url ? { text: content.text, url: content.url } : { text: content.text });
          return;
        } catch (error) {
          if (error instanceof DOMException && error.name === "AbortError") throw new PlatformError("cancelled", "Sharing cancelled");
        }
      }
      if (win.navigator.clipboard) {
        await win.navigator.clipboard.writeText(text);
        return;
      }
      throw new PlatformError("not_supported", "Sharing is not available in this browser");
    },
    openChat(oaId) {
      win.open(`https://zalo.me/${encodeURIComponent(oaId)}`, "_blank", "noopener");
      return Promise.resolve();
    },
  };
}
