import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** What `npm start` runs once `npm run build` is done (see the root package.json). */
export const START_ENTRY = path.join(REPO_ROOT, "bot-server/dist/main.js");

export interface ReadmeServer {
  baseUrl: string;
  /** Everything the process wrote to stdout and stderr, line by line, for tests that grep the logs. */
  logs: string[];
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The product as the README's `npm start` runs it: the built bundle in its own Node process with
 * no configuration at all, so every embedded default applies (SQLite under ./data, generated dev
 * keys, the local stand-ins for Zalo and the declaration backend). Two differences only, so tests
 * can run side by side on a clean machine: the working directory is a fresh temporary folder
 * (./data starts empty, as on a new clone) and PORT=0 picks a free port, read back from the
 * "listening" log line.
 */
export async function startReadmeServer(timeoutMs = 60_000): Promise<ReadmeServer> {
  if (!existsSync(START_ENTRY)) throw new Error(`${START_ENTRY} is missing: run \`npm run build\` first (\`npm test\` does)`);
  const cwd = mkdtempSync(path.join(tmpdir(), "khaibao-readme-"));
  const child = spawn(process.execPath, [START_ENTRY], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  let onLine: ((line: string) => void) | undefined;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      logs.push(`${line}\n`);
      onLine?.(line);
    });
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(cwd, { recursive: true, force: true });
  };

  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line within ${timeoutMs} ms:\n${logs.join("")}`)), timeoutMs);
      void exited.then(() => reject(new Error(`the server exited (code ${child.exitCode}) before listening:\n${logs.join("")}`)));
      onLine = (line) => {
        let parsed: { msg?: unknown; url?: unknown };
        try {
          parsed = JSON.parse(line) as typeof parsed;
        } catch {
          return;
        }
        if (parsed.msg === "bot server listening" && typeof parsed.url === "string") {
          clearTimeout(timer);
          resolve(parsed.url);
        }
      };
    });
    onLine = undefined;
    return { baseUrl, logs, process: child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
