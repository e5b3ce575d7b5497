// Entry point of `npm run staff -- <command>` (see staff-commands.ts for the commands).
import { runStaffCli } from "./staff-commands";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

process.exitCode = await runStaffCli(process.argv.slice(2), {
  env: process.env,
  readStdin,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
