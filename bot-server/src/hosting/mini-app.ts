import type { Router } from "express";
import { builtAppRouter } from "./built-app";

/**
 * Serves the built mini app for the local preview at /app/. In Zalo the app is hosted by Zalo
 * itself; here the same build runs in a browser through our platform module's browser
 * implementation. The app routes in memory, so only /app/ needs the shell: any other path goes
 * back to /app/ with its query, so relative asset links resolve.
 */
export function miniAppRouter(dir: string): Router {
  return builtAppRouter({
    dir,
    deepPaths: "redirect-to-root",
    notBuiltMessage: "Mini app chưa được build. Chạy `npm run build` rồi tải lại.\nThe mini app is not built yet: run `npm run build` and reload.",
  });
}
