import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, loadEnv, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import zaloMiniApp from "zmp-vite-plugin";

/**
 * The Zalo Mini App config lives once, at the repository root. zmp-vite-plugin would read
 * `./app-config.json` from the current directory; handing it the parsed root file instead makes
 * the root the single source (the plugin ignores the file whenever it gets options) and still
 * writes `www/app-config.json` with the built file lists filled in.
 */
const appConfigPath = fileURLToPath(new URL("../app-config.json", import.meta.url));
const appConfig = JSON.parse(readFileSync(appConfigPath, "utf8")) as Parameters<typeof zaloMiniApp>[0];

/**
 * `VITE_API_BASE` is the API origin baked into a build uploaded to Zalo (the app then runs on
 * h5.zdn.vn, which does not serve our API). Unset means "same origin", which is what the bot
 * server's `/app/` preview uses. A wrong value must fail the build, not a citizen's phone.
 */
function checkApiBase(value: string | undefined): void {
  if (value === undefined || value === "") return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`VITE_API_BASE must be an absolute URL such as https://api.example.vn, got "${value}"`);
  }
  const local = url.hostname === "localhost" || url.hostname.endsWith(".localhost");
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) {
    throw new Error(`VITE_API_BASE must use https (Zalo only calls https APIs), got "${value}"`);
  }
}

/**
 * Writes `precache.json`: the build's scripts and styles (lazy chunks included, which
 * app-config's lists leave out), for the browser preview's offline shell (public/sw.js) to cache at install.
 */
function precacheList(): Plugin {
  return {
    name: "khaibao-precache-list",
    apply: "build",
    generateBundle(_options, bundle) {
      // The Zalo SDK's chunk is never used outside Zalo, where this list is read.
      const zaloOnly = (item: (typeof bundle)[string]) => item.type === "chunk" && item.moduleIds.some((id) => id.includes("/node_modules/zmp-sdk/"));
      const files = Object.entries(bundle)
        .filter(([file, item]) => /\.(js|css)$/.test(file) && !zaloOnly(item))
        .map(([file]) => file);
      this.emitFile({ type: "asset", fileName: "precache.json", source: JSON.stringify(files.sort()) });
    },
  };
}

export default defineConfig(({ mode }) => {
  checkApiBase(loadEnv(mode, process.cwd(), "VITE_")["VITE_API_BASE"]);
  return {
    // zmp-vite-plugin sets base "./" for builds: asset URLs are relative, so the same build works
    // under h5.zdn.vn/zapps/<id>/ and under the bot server's /app/.
    plugins: [react(), zaloMiniApp(appConfig), precacheList()],
    build: {
      outDir: "www",
      emptyOutDir: true,
      // Zalo refuses files over 3 MB; warn far earlier than that.
      chunkSizeWarningLimit: 400,
      rollupOptions: {
        onwarn(warning, warn) {
          // zod's sources carry explanatory comments next to `@__PURE__` that Rollup drops
          // with a warning on every build; the result is the same code.
          if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/zod/")) return;
          warn(warning);
        },
      },
    },
    resolve: {
      // zmp-ui and our code must share one React and one router (two copies: "Invalid hook call").
      dedupe: ["react", "react-dom", "react-router-dom"],
    },
    // `npm run dev -w @khaibao/mini-app` (port 5173) talks to a bot server started with `npm run dev`.
    server: { proxy: { "/api": process.env["KHAIBAO_API_ORIGIN"] ?? "http://localhost:3000" } },
  };
});
