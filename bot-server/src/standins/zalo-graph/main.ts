// The Zalo Graph API stand-in as its own process, for benchmarks and manual runs, so its work
// is not counted in the server's process (in production Zalo's Graph API is another machine):
//
//   node --import tsx bot-server/src/standins/zalo-graph/main.ts --port 4200 [--app-secret S]
//
// Prints one JSON line `{"msg":"listening","url":...}` when ready; SIGTERM/SIGINT stop it.
import { parseArgs } from "node:util";
import { serveUntilSignalled } from "../listen";
import { DEV_ZALO_APP_SECRET } from "../index";
import { startZaloGraphStandin } from "./index";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      "app-secret": { type: "string", default: DEV_ZALO_APP_SECRET },
    },
  });
  const running = await startZaloGraphStandin({ appSecret: values["app-secret"], port: Number(values.port) });
  serveUntilSignalled(running);
}

main().catch((error: unknown) => {
  console.error("Zalo Graph stand-in failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
