import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const www = path.resolve("mini-app/www");
const MB = 1024 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

// What `zmp deploy` uploads must carry a filled app-config.json and stay within Zalo's limits.
describe.skipIf(!existsSync(www))("mini app build (mini-app/www)", () => {
  it("when built, then app-config.json carries the app settings and lists the files Zalo must load", () => {
    const cfg = JSON.parse(readFileSync(path.join(www, "app-config.json"), "utf8"));
    const root = JSON.parse(readFileSync("app-config.json", "utf8"));
    expect(cfg.app).toEqual(root.app);
    expect(cfg.app.title).toBeTruthy();
    expect(cfg.listCSS.length).toBeGreaterThan(0);
    expect(cfg.listSyncJS.length).toBeGreaterThan(0);
    for (const f of [...cfg.listCSS, ...cfg.listSyncJS, ...cfg.listAsyncJS]) expect(existsSync(path.join(www, f)), f).toBe(true);
  });

  it("stays within Zalo's package limits (10 MB in all, 3 MB per file)", () => {
    const sizes = files(www).map((f) => statSync(f).size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(10 * MB);
    expect(Math.max(...sizes)).toBeLessThan(3 * MB);
  });

  it("keeps the first screen light: at most 160 kB of JS and 20 kB of CSS gzipped", () => {
    const cfg = JSON.parse(readFileSync(path.join(www, "app-config.json"), "utf8"));
    const gz = (list: string[]) => list.reduce((n, f) => n + gzipSync(readFileSync(path.join(www, f))).length, 0);
    expect(gz(cfg.listSyncJS)).toBeLessThan(160 * 1024);
    expect(gz(cfg.listCSS)).toBeLessThan(20 * 1024);
  });
});
