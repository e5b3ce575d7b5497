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
  // The app routes in memory, so only /app/ itself needs the shell. A missing asset is a 404
  // (not the shell with 200, which the browser would report as a MIME error); any other path
  // goes back to /app/ with its query, so relative asset links resolve.
  router.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (req.path === "/") {
      res.setHeader("Cache-Control", "no-cache");
      return res.sendFile(index);
    }
    if (/\.[a-z0-9]+$/i.test(req.path)) return next();
    const query = req.originalUrl.includes("?") ? req.originalUrl.slice(req.originalUrl.indexOf("?")) : "";
    res.redirect(302, `${req.baseUrl}/${query}`);
  });
  return router;
}
