import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A free loopback port, so child processes can be told where to listen up front. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a Node process and resolves once `readyUrl` answers 200 (or anything, with anyStatus), polling; rejects after timeoutMs. */
export async function startNode(args: string[], env: Record<string, string>, readyUrl: string, timeoutMs = 30_000, anyStatus = false): Promise<Child> {
  const proc = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  proc.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`process exited early (${proc.exitCode}): ${stderr.slice(-2000)}`);
    try {
      const res = await fetch(readyUrl);
      if (res.ok || anyStatus) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`timed out waiting for ${readyUrl}: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
        setTimeout(() => proc.kill("SIGKILL"), 5000).unref();
      }),
  };
}

/**
 * The server as production runs it: the bundle `npm run build` writes (`npm run bench` builds
 * first), not the TypeScript sources through a loader.
 */
export const SERVER_ENTRY = ["bot-server/dist/main.js"];
