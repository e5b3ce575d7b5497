// The Zalo OA API + OAuth stand-in as its own process, for several server instances sharing one
// (fault and scale-out tests, benchmarks) and for manual runs:
//
//   node --import tsx bot-server/src/standins/zalo-oa/main.ts --port 4300 [--webhook-url URL]
//
// It uses the development app/OA ids and secrets (the servers must run with the same: leave
// ZALO_APP_ID & co. unset outside production). Prints `{"msg":"listening","url":...}` when ready.
import { parseArgs } from "node:util";
import { serveUntilSignalled } from "../listen";
import { DEV_ZALO_APP_SECRET } from "../index";
import { DEV_ZALO_APP_ID, DEV_ZALO_OA_ID, DEV_ZALO_OA_SECRET_KEY, startZaloOaStandin } from "./index";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      "webhook-url": { type: "string" },
    },
  });
  const running = await startZaloOaStandin({
    appId: DEV_ZALO_APP_ID,
    appSecret: DEV_ZALO_APP_SECRET,
    oaId: DEV_ZALO_OA_ID,
    oaSecretKey: DEV_ZALO_OA_SECRET_KEY,
    acceptDevRefreshTokens: true,
    port: Number(values.port),
    ...(values["webhook-url"] ? { webhookUrl: values["webhook-url"] } : {}),
  });
  serveUntilSignalled(running);
}

main().catch((error: unknown) => {
  console.error("Zalo OA stand-in failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
