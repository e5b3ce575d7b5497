// Bundles the server, with our shared TypeScript package inlined, into dist/main.js for
// production. Third-party npm packages stay external: they are installed beside it.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const external = Object.keys(pkg.dependencies ?? {})
  .filter((name) => !name.startsWith("@khaibao/"))
  .flatMap((name) => [name, `${name}/*`]);

await build({
  // The server, and the staff, retention, verify-cert, poster and export CLIs so they (`npm run staff`...) work in production without tsx.
  // pdfkit (posters) stays external like every dependency: it reads its font-metric files from beside its own code at run time.
  entryPoints: {
    main: "src/main.ts",
    "staff-cli": "src/cli/staff.ts",
    "retention-cli": "src/cli/retention.ts",
    "verify-cert": "src/cli/verify-cert.ts",
    "poster-cli": "src/cli/poster.ts",
    "export-cli": "src/cli/export.ts",
    // The declaration sealer's worker thread, started by main.js from beside it.
    "declaration-sealer": "src/declarations/sealing/worker.ts",
  },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  sourcemap: true,
  logLevel: "warning",
});
