import { listenStandin, type RunningStandin } from "../listen";
import { createDeclarationBackendStandinApp } from "./app";
import type { Controls } from "./protocol";
import { ReceivedStore } from "./store";

export { createDeclarationBackendStandinApp } from "./app";
export { ReceivedStore, type StoredDeclaration } from "./store";
export * from "./protocol";

export interface DeclarationBackendStandin extends RunningStandin {
  token: string;
  controls(): Controls;
}

/**
 * Starts the declaration backend stand-in on its own port (0 = a free one), storing in `dbFile`.
 * Development and tests only; the composition root never starts it in production.
 */
export async function startDeclarationBackendStandin(opts: { dbFile: string; token: string; port?: number; random?: () => number }): Promise<DeclarationBackendStandin> {
  const store = await ReceivedStore.open(opts.dbFile);
  try {
    const { app, controls } = createDeclarationBackendStandinApp({ store, token: opts.token, ...(opts.random ? { random: opts.random } : {}) });
    const running = await listenStandin(app, opts.port ?? 0, () => store.close());
    return { ...running, token: opts.token, controls };
  } catch (error) {
    await store.close();
    throw error;
  }
}
