// Bundles the server, with our shared TypeScript package inlined, into dist/main.js for
// production. Third-party npm packages stay external: they are installed beside it.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const external = Object.keys(pkg.dependencies ?? {})
  .filter((name) => !name.startsWith("@khaibao/"))
  .flatMap((name) => [name, `${name}/*`]);

await build({
  // The server, and the staff CLI so `npm run staff` works in production without tsx.
  entryPoints: { main: "src/main.ts", "staff-cli": "src/cli/staff.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  sourcemap: true,
  logLevel: "warning",
});
