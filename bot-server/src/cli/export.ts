// Entry point of `npm run export -- --date YYYY-MM-DD ...` (see export-command.ts).
import { runExportCli } from "./export-command";

process.exitCode = await runExportCli(process.argv.slice(2), { env: process.env, out: (line) => console.log(line), err: (line) => console.error(line) });
