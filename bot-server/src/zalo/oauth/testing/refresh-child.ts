// A second (or third) server process for the "refresh at once" test: opens the same database,
// waits until the agreed instant, asks for an access token and prints what it got as JSON.
//   node --import tsx refresh-child.ts '{"sqlitePath": "...", "oauthUrl": "...", ...}'
import { openDatabase } from "../../../storage";
import { createHttpZaloOAuth } from "../client";
import { createTokenManager } from "../token-manager";
import { TokenStore } from "../token-store";

interface ChildConfig {
  sqlitePath?: string;
  url?: string;
  pgSchema?: string;
  oauthUrl: string;
  appId: string;
  appSecret: string;
  oaId: string;
  startAt: number;
}

const config = JSON.parse(process.argv[2] ?? "{}") as ChildConfig;
const db = await openDatabase(config.url ? { url: config.url, pgSchema: config.pgSchema, poolMax: 2 } : { sqlitePath: config.sqlitePath });
try {
  const tokens = createTokenManager({
    store: new TokenStore(db),
    oauth: createHttpZaloOAuth({ baseUrl: config.oauthUrl, appId: config.appId, appSecret: config.appSecret, timeoutMs: 5_000 }),
    oaId: config.oaId,
    owner: `child:${process.pid}`,
    waitPollMs: 25,
  });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, config.startAt - Date.now())));
  const token = await tokens.accessToken();
  process.stdout.write(JSON.stringify({ token }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: (error as Error).message }));
} finally {
  await db.close();
}
