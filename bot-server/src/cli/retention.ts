// Entry point of `npm run retention` (see retention-command.ts).
import { runRetentionCli } from "./retention-command";

process.exitCode = await runRetentionCli({ env: process.env, out: (line) => console.log(line), err: (line) => console.error(line) });
