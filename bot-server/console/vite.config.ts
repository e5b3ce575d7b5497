import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The staff console, served by the bot server at /console/ (bot-server/src/hosting/console.ts).
 * Built with `vite build bot-server/console` (part of `npm run build`) into ./dist. No inline
 * scripts: the server's CSP is `script-src 'self'`.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/console/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 300,
    // Inline assets would be data: URLs; the CSP allows them for images only. Keep files.
    assetsInlineLimit: 0,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's sources carry explanatory comments next to `@__PURE__` that Rollup drops.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/zod/")) return;
        warn(warning);
      },
    },
  },
  worker: { format: "es" },
  resolve: { dedupe: ["react", "react-dom"] },
  // `npx vite bot-server/console` (port 5174) talks to a bot server started with `npm run dev`.
  server: {
    port: 5174,
    proxy: Object.fromEntries(["/api", "/.well-known"].map((p) => [p, process.env["KHAIBAO_API_ORIGIN"] ?? "http://localhost:3000"])),
  },
});
