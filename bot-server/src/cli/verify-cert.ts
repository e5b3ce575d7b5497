// Entry point of `npm run verify-cert -- --trust <certificates> [--at <ISO time>] <HC1:... | @file>`
// (built as dist/verify-cert.js for production).
import { runVerifyCert } from "./verify-cert-command";

process.exitCode = await runVerifyCert(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
