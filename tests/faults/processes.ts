// Child processes for fault tests: started with tsx from the repository root, their JSON log
// lines read as they come (a pipe nobody reads would stall the child), always killed at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface Child {
  process: ChildProcess;
  /** Resolves with the first JSON log line matching, rejects when the child exits first or time runs out. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves when the process has exited (at once if it already has). */
  exited(): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
  stderr(): string;
}

const running = new Set<Child>();

export function startNode(script: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-20_000);
  });
  const waiters: Array<{ match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }> = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    for (const w of [...waiters]) {
      if (w.match(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const handle: Child = {
    process: child,
    waitForLog(match, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs);
        void exit.then(() => {
          clearTimeout(timer);
          reject(new Error(`${script} exited (code ${child.exitCode}); stderr:\n${stderr}`));
        });
        waiters.push({
          match,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
    exited: () => exit,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exit;
    },
    stderr: () => stderr,
  };
  running.add(handle);
  void exit.then(() => running.delete(handle));
  return handle;
}

/** Kills whatever is still running; call from afterAll so no test leaves processes behind. */
export async function killAll(): Promise<void> {
  await Promise.all([...running].map((c) => c.kill("SIGKILL")));
}

/** Runs `fn` over `items` with at most `concurrency` at once. */
export async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(lanes);
}
