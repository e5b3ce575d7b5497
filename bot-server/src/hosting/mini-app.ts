import { existsSync } from "node:fs";
import path from "node:path";
import express, { Router } from "express";

/**
 * Serves the built mini app for the local preview at /app/. In Zalo the app is hosted by Zalo
 * itself; here the same build runs in a browser through our platform module's browser
 * implementation. Hashed assets are cached for a year; index.html never, so a new build shows.
 */
export function miniAppRouter(dir: string): Router {
  const router = Router();
  const index = path.join(dir, "index.html");
  if (!existsSync(index)) {
    router.use((_req, res) => {
      res.status(503).type("text/plain; charset=utf-8").send(
        "Mini app chưa được build. Chạy `npm run build` rồi tải lại.\nThe mini app is not built yet: run `npm run build` and reload.",
      );
    });
    return router;
  }
  router.use(
    express.static(dir, {
      index: false,
      setHeaders(res, filePath) {
        if (/[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/.test(filePath)) res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        else res.setHeader("Cache-Control", "no-cache");
      },
    }),
  );
  // The app routes in memory; any other path under /app/ gets the shell (deep links, reloads).
  router.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
