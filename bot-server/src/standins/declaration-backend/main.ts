// The declaration backend stand-in as its own process, for fault tests and manual runs:
//
//   node --import tsx bot-server/src/standins/declaration-backend/main.ts --port 4100 --db ./data/backend.sqlite [--token T]
//
// Prints one JSON line `{"msg":"listening","url":...}` when ready; SIGTERM/SIGINT stop it.
import { parseArgs } from "node:util";
import { serveUntilSignalled } from "../listen";
import { DEFAULT_STANDIN_TOKEN, startDeclarationBackendStandin } from "./index";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      db: { type: "string", default: "./data/declaration-backend-standin.sqlite" },
      token: { type: "string", default: DEFAULT_STANDIN_TOKEN },
    },
  });
  const running = await startDeclarationBackendStandin({ dbFile: values.db, token: values.token, port: Number(values.port) });
  serveUntilSignalled(running);
}

main().catch((error: unknown) => {
  console.error("declaration backend stand-in failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
