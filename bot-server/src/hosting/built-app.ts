import { existsSync } from "node:fs";
import path from "node:path";
import express, { Router, type RequestHandler } from "express";

/** vite's hashed file names (`index-CzHRIIjJ.css`, `index.C1Cc8o-l.module.js`) never change content. */
const HASHED_ASSET = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/;

export interface BuiltAppOptions {
  dir: string;
  /** Shown (503) when the folder has no index.html yet, in Vietnamese and English. */
  notBuiltMessage: string;
  /**
   * What an extension-less path other than `/` gets. `shell`: the app itself (it routes with the
   * history API). `redirect-to-root`: back to `/` with the query (an app routing in memory).
   */
  deepPaths: "shell" | "redirect-to-root";
}

/**
 * Serves a vite build: hashed assets cached for a year, index.html never (a deploy shows at the
 * next load), and a missing asset is a 404 rather than the page shell with 200, which the
 * browser would report as a MIME error.
 */
export function builtAppRouter(opts: BuiltAppOptions): Router {
  const router = Router();
  const index = path.join(opts.dir, "index.html");
  if (!existsSync(index)) {
    router.use((_req, res) => {
      res.status(503).type("text/plain; charset=utf-8").send(opts.notBuiltMessage);
    });
    return router;
  }
  router.use(
    express.static(opts.dir, {
      index: false,
      redirect: false,
      setHeaders(res, filePath) {
        res.setHeader("Cache-Control", HASHED_ASSET.test(filePath) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  );
  const fallback: RequestHandler = (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (/\.[a-z0-9]+$/i.test(req.path)) return next();
    const query = req.originalUrl.includes("?") ? req.originalUrl.slice(req.originalUrl.indexOf("?")) : "";
    // `/app` without its slash would resolve the mini app's relative asset links one level up
    // (the console's build uses absolute links, so it can answer there directly).
    if (opts.deepPaths === "redirect-to-root" && req.path === "/" && !req.originalUrl.split("?")[0]!.endsWith("/")) return res.redirect(301, `${req.baseUrl}/${query}`);
    if (req.path === "/" || opts.deepPaths === "shell") {
      res.setHeader("Cache-Control", "no-cache");
      return res.sendFile(index);
    }
    res.redirect(302, `${req.baseUrl}/${query}`);
  };
  router.use(fallback);
  return router;
}
