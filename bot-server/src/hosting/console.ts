import type { Router } from "express";
import { builtAppRouter } from "./built-app";

/**
 * Serves the built staff console (bot-server/console/dist) at /console/. The console routes in
 * the browser (/console/verify, /console/accounts), so every extension-less path gets the shell.
 */
export function consoleRouter(dir: string): Router {
  return builtAppRouter({
    dir,
    deepPaths: "shell",
    notBuiltMessage: "Trang quản trị chưa được build. Chạy `npm run build` rồi tải lại.\nThe staff console is not built yet: run `npm run build` and reload.",
  });
}
