import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Gzipped size of what the mini app's first screen loads (the files app-config.json lists as sync). */
export function miniAppSizes(www = path.resolve("mini-app/www")): { firstScreenJsGzKb: number; firstScreenCssGzKb: number } {
  const cfgPath = path.join(www, "app-config.json");
  if (!existsSync(cfgPath)) throw new Error("mini-app/www is not built: run `npm run build` first");
  const cfg = JSON.parse(readFileSync(cfgPath, "utf8")) as { listSyncJS: string[]; listCSS: string[] };
  const gz = (files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(path.join(www, f)), { level: 9 }).length, 0) / 1024;
  return { firstScreenJsGzKb: round(gz(cfg.listSyncJS)), firstScreenCssGzKb: round(gz(cfg.listCSS)) };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
