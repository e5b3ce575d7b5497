import { randomBytes } from "node:crypto";
import path from "node:path";
import { startDeclarationBackendStandin } from "./declaration-backend";
import type { RunningStandin } from "./listen";
import { startZaloGraphStandin } from "./zalo-graph";
import { devSignerTrustEntry, startVaccinationRegistryStandin } from "./vaccination-registry";
import type { TrustEntry } from "@khaibao/shared";

/** The app secret shared by our Graph client and the Graph stand-in when none is configured. */
export const DEV_ZALO_APP_SECRET = "dev-only-zalo-app-secret";

export interface DevPeersConfig {
  NODE_ENV: "development" | "test" | "production";
  ZALO_GRAPH_URL?: string | undefined;
  ZALO_APP_SECRET?: string | undefined;
  DECLARATION_BACKEND_URL?: string | undefined;
  DECLARATION_BACKEND_TOKEN?: string | undefined;
  VACCINATION_REGISTRY_URL?: string | undefined;
  VACCINATION_REGISTRY_TOKEN?: string | undefined;
}

/** The external systems a stand-in was started for; absent ones are configured real peers. */
export interface DevPeers {
  zaloGraph?: { url: string; appSecret: string };
  declarationBackend?: { url: string; token: string };
  /** `trust` is the development signer the stand-in's certificates verify with. */
  vaccinationRegistry?: { url: string; token: string; trust: TrustEntry };
  stop(): Promise<void>;
}

interface Logger {
  warn(obj: Record<string, unknown>, msg: string): void;
}

/**
 * Starts a local stand-in for each external system whose URL is not configured, each on its own
 * port: the whole product then runs on one machine, through the same HTTP clients as in
 * production. Refuses to run in production, where every peer must be real.
 * `dataDir` holds the backend stand-in's SQLite file (undefined: in memory).
 */
export async function startDevPeers(env: DevPeersConfig, opts: { dataDir: string | undefined; logger: Logger }): Promise<DevPeers> {
  if (env.NODE_ENV === "production") throw new Error("stand-ins are never started in production");
  const running: RunningStandin[] = [];
  const stop = async () => {
    await Promise.all(running.map((s) => s.stop()));
  };
  const peers: DevPeers = { stop };
  try {
    if (!env.ZALO_GRAPH_URL) {
      const appSecret = env.ZALO_APP_SECRET ?? DEV_ZALO_APP_SECRET;
      const graph = await startZaloGraphStandin({ appSecret });
      running.push(graph);
      peers.zaloGraph = { url: graph.url, appSecret };
      opts.logger.warn({ url: graph.url }, "Zalo Graph API stand-in started: only dev:<userId> tokens are accepted");
    }
    if (!env.DECLARATION_BACKEND_URL) {
      const token = env.DECLARATION_BACKEND_TOKEN ?? `dev-only-${randomBytes(12).toString("hex")}`;
      const dbFile = opts.dataDir === undefined ? ":memory:" : path.join(opts.dataDir, "declaration-backend-standin.sqlite");
      const backend = await startDeclarationBackendStandin({ dbFile, token });
      running.push(backend);
      peers.declarationBackend = { url: backend.url, token };
      opts.logger.warn({ url: backend.url }, "declaration backend stand-in started: declarations stay on this machine");
    }
    if (!env.VACCINATION_REGISTRY_URL) {
      const token = env.VACCINATION_REGISTRY_TOKEN ?? `dev-only-${randomBytes(12).toString("hex")}`;
      const registry = await startVaccinationRegistryStandin({ token });
      running.push(registry);
      peers.vaccinationRegistry = { url: registry.url, token, trust: devSignerTrustEntry() };
      opts.logger.warn({ url: registry.url }, "vaccination registry stand-in started: certificates are signed with the development key");
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return peers;
}
