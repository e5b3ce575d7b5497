import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../bot-server/src/config";
import { startServer, type RunningServer } from "../../bot-server/src/server";
import { createLogger } from "../../bot-server/src/observability/logger";
import { Writable } from "node:stream";

export interface TestServer {
  baseUrl: string;
  server: RunningServer;
  /** Every log line the server wrote, for tests that check what is (not) logged. */
  logs: string[];
  stop(): Promise<void>;
}

/**
 * Starts the real bot server in-process on an ephemeral port on `localhost` (the mini app's SDK
 * only runs its browser mocks on a hostname containing "localhost"), with a fresh SQLite file,
 * the built mini app at /app/ and the same defaults as `npm start`. `now` is the server's clock
 * (tests that simulate minutes or hours move it themselves).
 */
export async function startTestServer(env: Record<string, string> = {}, opts: { now?: () => Date } = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "khaibao-test-"));
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString("utf8"));
      cb();
    },
  });
  const config = loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "localhost", SQLITE_PATH: path.join(dir, "khaibao.sqlite"), LOG_LEVEL: "info", ...env });
  const logger = createLogger({ level: config.LOG_LEVEL, destination });
  const server = await startServer({ env: config, logger, ...(opts.now ? { now: opts.now } : {}) });
  return {
    baseUrl: server.url,
    server,
    logs,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
