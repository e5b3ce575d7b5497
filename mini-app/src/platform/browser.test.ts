import { describe, expect, it } from "vitest";
import { createBrowserPlatform, createBrowserStorage, devAccessToken, resolveDevUserId } from "./browser";
import { isPlatformError } from "./types";

class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

/** Just enough of `window` for the browser platform. */
function fakeWindow(search: string, language = "vi-VN", storage = new MemoryStorage()): Window {
  return {
    location: { search, hostname: "localhost" },
    navigator: { language, languages: [language], onLine: true },
    localStorage: storage,
    addEventListener() {},
    removeEventListener() {},
  } as unknown as Window;
}

describe("browser platform", () => {
  it("when opened with ?checkpoint=, then the launch params carry it", () => {
    const platform = createBrowserPlatform(fakeWindow("?checkpoint=HN-PHAPVAN"));
    expect(platform.kind).toBe("browser");
    expect(platform.getLaunchParams().checkpoint).toBe("HN-PHAPVAN");
  });

  it("when ?devUser= is given, then the access token is the dev token the local Zalo stand-in knows", async () => {
    const storage = new MemoryStorage();
    const platform = createBrowserPlatform(fakeWindow("?devUser=tester-1", "vi-VN", storage));
    expect(await platform.getAccessToken()).toBe("dev:tester-1");
    expect((await platform.getUserInfo()).id).toBe("tester-1");
    // Remembered for the next visit without the parameter.
    expect(await createBrowserPlatform(fakeWindow("", "vi-VN", storage)).getAccessToken()).toBe(devAccessToken("tester-1"));
  });

  it("when there is no dev user yet, then a random one is made and kept", async () => {
    const storage = new MemoryStorage();
    const first = await createBrowserPlatform(fakeWindow("", "vi-VN", storage)).getAccessToken();
    expect(first).toMatch(/^dev:dev-[0-9a-f]{8}$/);
    expect(await createBrowserPlatform(fakeWindow("", "vi-VN", storage)).getAccessToken()).toBe(first);
  });

  it("when the phone number is asked for, then the token is the one the stand-in exchanges (devphone:<digits>)", async () => {
    expect(await createBrowserPlatform(fakeWindow("")).getPhoneNumberToken()).toBe("devphone:0912345678");
    expect(await createBrowserPlatform(fakeWindow("?devPhone=0987.654.321")).getPhoneNumberToken()).toBe("devphone:0987654321");
    expect(await createBrowserPlatform(fakeWindow("?devPhone=<x>")).getPhoneNumberToken()).toBe("devphone:0912345678");
    const refused = await createBrowserPlatform(fakeWindow("?devPhone=refuse")).getPhoneNumberToken().catch((e: unknown) => e);
    expect(isPlatformError(refused, "denied")).toBe(true);
  });

  it("when ?devUser= is not a plain id, then it is ignored", () => {
    expect(resolveDevUserId("a b<script>", "kept", () => "new")).toBe("kept");
    expect(resolveDevUserId(undefined, null, () => "new")).toBe("new");
  });

  it("when the browser is English or ?lang=en, then the language is English", () => {
    expect(createBrowserPlatform(fakeWindow("", "en-GB")).getLanguage()).toBe("en");
    expect(createBrowserPlatform(fakeWindow("?lang=en")).getLanguage()).toBe("en");
    expect(createBrowserPlatform(fakeWindow("")).getLanguage()).toBe("vi");
  });

  it("when asked to scan a QR code, then it rejects with not_supported so the UI offers typing", async () => {
    const error = await createBrowserPlatform(fakeWindow("")).scanQR().catch((e: unknown) => e);
    expect(isPlatformError(error, "not_supported")).toBe(true);
  });

  it("when sharing with an image where the browser can share files, then the PNG goes along with the text; otherwise the text alone", async () => {
    // 1x1 white PNG.
    const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=";
    const shared: ShareData[] = [];
    const win = (canShareFiles: boolean) => {
      const w = fakeWindow("");
      Object.assign(w.navigator, {
        share: (data: ShareData) => {
          shared.push(data);
          return Promise.resolve();
        },
        canShare: (data: ShareData) => canShareFiles || !data.files,
      });
      return w;
    };
    await createBrowserPlatform(win(true)).share({ text: "Chứng nhận", image: { dataUrl: png, fileName: "chung-nhan.png" } });
    await createBrowserPlatform(win(false)).share({ text: "Chứng nhận", image: { dataUrl: png, fileName: "chung-nhan.png" } });
    expect(shared[0]?.text).toBe("Chứng nhận");
    expect(shared[0]?.files?.map((f) => [f.name, f.type])).toEqual([["chung-nhan.png", "image/png"]]);
    expect(shared[1]).toEqual({ text: "Chứng nhận" });
  });

  it("when localStorage is blocked, then storage still works for the session", () => {
    const blocked = {
      getItem() {
        throw new Error("SecurityError");
      },
      setItem() {
        throw new Error("QuotaExceededError");
      },
      removeItem() {
        throw new Error("SecurityError");
      },
    } as unknown as Storage;
    const storage = createBrowserStorage(blocked);
    storage.set("draft", "1");
    expect(storage.get("draft")).toBe("1");
    storage.remove("draft");
    expect(storage.get("draft")).toBeNull();
  });
});
