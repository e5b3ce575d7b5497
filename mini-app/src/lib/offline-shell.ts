/**
 * Registers the offline shell (public/sw.js) for the browser preview of a production build, so
 * the app (saved certificates, receipts) opens with no network after one online visit. Not in
 * Zalo, which keeps the app package on the phone, nor under `vite dev`, whose files change
 * under a cache. `buildId` names the build (the main chunk's file name), which renews the cache.
 */
export function registerOfflineShell(win: Window, buildId: string): void {
  if (!("serviceWorker" in win.navigator)) return;
  win.navigator.serviceWorker.register(`./sw.js?v=${encodeURIComponent(buildId)}`).catch((error: unknown) => {
    // Without it the app still works online; only an offline reload is lost.
    console.warn("Offline shell not registered", error);
  });
}

/** `index.DyZOI1aI.module.js` from the main chunk's URL: changes with every build. */
export function buildIdFrom(moduleUrl: string): string {
  return moduleUrl.split("/").pop()?.split("?")[0] ?? "dev";
}
