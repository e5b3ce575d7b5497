import { languageFromTag, parseLaunchParams } from "./detect";
import { PlatformError, type Platform, type PlatformStorage, type PlatformUser, type ShareContent } from "./types";

/**
 * The app outside Zalo: the bot server's `/app/` preview, `vite dev` and the browser tests.
 * Identity is a typed dev identity the server's local Zalo stand-in recognises; there is no
 * camera, so `scanQR` rejects with `not_supported` and the UI offers typing or pasting instead.
 */

/** Access tokens of dev users look like `dev:<userId>`; only the local Zalo stand-in accepts them. */
export const DEV_TOKEN_PREFIX = "dev:";
/** Phone tokens of dev users look like `devphone:<digits>`; the stand-in answers that number. */
export const DEV_PHONE_TOKEN_PREFIX = "devphone:";
/** The number a dev user "shares" unless `?devPhone=` names another. */
export const DEFAULT_DEV_PHONE = "0912345678";

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
 * `?devPhone=0987654321` picks the number the dev phone token stands for (digits only, as the
 * stand-in expects); `?devPhone=refuse` makes the user refuse to share it, like a Zalo user
 * tapping "Từ chối". Anything else gives {@link DEFAULT_DEV_PHONE}.
 */
export function devPhoneToken(fromUrl: string | undefined): string | null {
  if (fromUrl === "refuse") return null;
  const digits = fromUrl?.replace(/[\s.+-]/g, "");
  return `${DEV_PHONE_TOKEN_PREFIX}${digits && /^\d{9,12}$/.test(digits) ? digits : DEFAULT_DEV_PHONE}`;
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

async function imageFile(image: { dataUrl: string; fileName: string }): Promise<File | null> {
  try {
    const blob = await (await fetch(image.dataUrl)).blob();
    return new File([blob], image.fileName, { type: blob.type || "image/png" });
  } catch {
    return null;
  }
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
  // A name that passes the declaration's name rules (no digits), as most real Zalo names do.
  const identity: DevIdentity = { userId, name: "Người Dùng Thử" };
  const phoneToken = devPhoneToken(launch.all["devPhone"]);
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
    getPhoneNumberToken: () =>
      phoneToken === null ? Promise.reject(new PlatformError("denied", "The dev user refused to share the phone number")) : Promise.resolve(phoneToken),
    closeLoading: () => Promise.resolve(),
    isOnline: () => win.navigator.onLine,
    onResume(listener) {
      const visible = () => {
        if (win.document.visibilityState === "visible") listener();
      };
      win.document.addEventListener("visibilitychange", visible);
      return () => win.document.removeEventListener("visibilitychange", visible);
    },
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
    saveImage(dataUrl, fileName = "khai-bao.png") {
      const link = win.document.createElement("a");
      link.href = dataUrl;
      link.download = fileName;
      link.click();
      return Promise.resolve();
    },
    async share(content: ShareContent) {
      const text = content.url ? `${content.text}\n${content.url}` : content.text;
      if (typeof win.navigator.share === "function") {
        try {
          const data: ShareData = content.url ? { text: content.text, url: content.url } : { text: content.text };
          const file = content.image ? await imageFile(content.image) : null;
          // Web Share level 2 (files) is on Android Chrome and iOS Safari; elsewhere the text alone.
          if (file && win.navigator.canShare?.({ files: [file] })) data.files = [file];
          await win.navigator.share(data);
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
