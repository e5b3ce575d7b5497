// Entry point of `npm run poster -- <id> --out <dir> [--size A4|A3]` (see poster-command.ts).
import { runPosterCli } from "./poster-command";

process.exitCode = await runPosterCli(process.argv.slice(2), { env: process.env, out: (line) => console.log(line), err: (line) => console.error(line) });
