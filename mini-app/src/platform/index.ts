import { createBrowserPlatform } from "./browser";
import { detectPlatformKind, readEnvironment } from "./detect";
import type { Platform } from "./types";

export * from "./types";
export { PlatformProvider, usePlatform, useOnline } from "./context";

/**
 * Picks the implementation once, at start-up. The Zalo one is loaded on demand so that zmp-sdk
 * (about 30 kB gzipped) is never downloaded by a plain browser.
 */
export async function createPlatform(win: Window = window): Promise<Platform> {
  if (detectPlatformKind(readEnvironment(win)) === "zalo") {
    const { createZaloPlatform } = await import("./zalo");
    return createZaloPlatform(win);
  }
  return createBrowserPlatform(win);
}
