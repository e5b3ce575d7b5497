/* global self, caches */
/*
 * Offline shell for the browser preview (/app/): the page and its built files come from this
 * cache when the network is gone, so a reload at a checkpoint with no signal still shows the
 * saved certificates and receipts (inside Zalo the app package is kept on the phone instead, and
 * this worker is never registered). API calls (/api/...) are never touched.
 *
 * The registration URL carries the build (`sw.js?v=<main chunk>`): a new build installs a new
 * worker, which precaches that build's files (listed in precache.json) and drops older caches.
 */
const VERSION = new URL(self.location.href).searchParams.get("v") || "dev";
const CACHE = `khaibao-app-${VERSION}`;
const SCOPE = new URL(self.registration.scope).pathname;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const list = await (await fetch("precache.json", { cache: "no-cache" })).json();
      await cache.addAll(["./", "favicon.svg", ...list]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith("khaibao-app-") && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  if (request.mode === "navigate") {
    // The page itself: always the newest from the network; the cached shell only when offline.
    event.respondWith(fetch(request).catch(async () => (await caches.match("./", { cacheName: CACHE })) ?? Response.error()));
    return;
  }
  // Built files have content-hashed names: the cached copy is the right one.
  event.respondWith((async () => (await caches.match(request, { cacheName: CACHE })) ?? fetch(request))());
});
