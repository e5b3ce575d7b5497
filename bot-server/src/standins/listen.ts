import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Express } from "express";

/** A stand-in listening on its own port: real HTTP, so our clients run exactly as in production. */
export interface RunningStandin {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Listens on 127.0.0.1 (a stand-in is never reachable from outside), port 0 picks a free one. */
export async function listenStandin(app: Express, port = 0, onStop?: () => Promise<void>): Promise<RunningStandin> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(port, "127.0.0.1", (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const bound = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive sockets of our own clients would otherwise hold close() open.
          server.closeAllConnections();
        });
        await onStop?.();
      })();
      return stopping;
    },
  };
}

/**
 * For a stand-in run as its own process (main.ts files): prints `{"msg":"listening","url",...}`
 * (tests and benchmarks wait for that line) and stops cleanly on SIGTERM/SIGINT.
 */
export function serveUntilSignalled(running: RunningStandin): void {
  process.stdout.write(`${JSON.stringify({ msg: "listening", url: running.url, port: running.port })}\n`);
  const stop = () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
