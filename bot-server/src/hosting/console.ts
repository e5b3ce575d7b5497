import { existsSync } from "node:fs";
import path from "node:path";
import express, { Router } from "express";

/**
 * Serves the built staff console (bot-server/console/dist) at /console/. Hashed assets are
 * cached for a year, index.html never (a deploy shows at the next load). The console routes in
 * the browser (/console/verify, /console/accounts), so every extension-less path gets the shell;
 * a missing asset is a 404, not the shell.
 */
export function consoleRouter(dir: string): Router {
  const router = Router();
  const index = path.join(dir, "index.html");
  if (!existsSync(index)) {
    router.use((_req, res) => {
      res.status(503).type("text/plain; charset=utf-8").send(
        "Trang quản trị chưa được build. Chạy `npm run build` rồi tải lại.\nThe staff console is not built yet: run `npm run build` and reload.",
      );
    });
    return router;
  }
  router.use(
    express.static(dir, {
      index: false,
      redirect: false,
      setHeaders(res, filePath) {
        if (/[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/.test(filePath)) res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        else res.setHeader("Cache-Control", "no-cache");
      },
    }),
  );
  router.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (/\.[a-z0-9]+$/i.test(req.path)) return next();
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
