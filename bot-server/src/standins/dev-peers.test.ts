import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { createLogger } from "../observability/logger";
import { createHttpZaloGraph } from "../zalo";
import { startDevPeers } from ".";

const logger = createLogger({ level: "silent" });

describe("stand-ins of external systems", () => {
  it("when no peer URL is configured outside production, then both stand-ins run and answer over HTTP", async () => {
    const peers = await startDevPeers({ NODE_ENV: "development" }, { dataDir: undefined, logger });
    try {
      const graph = createHttpZaloGraph({ baseUrl: peers.zaloGraph?.url ?? "", appSecret: peers.zaloGraph?.appSecret ?? "" });
      await expect(graph.me("dev:42")).resolves.toMatchObject({ id: "42" });
      const res = await fetch(`${peers.declarationBackend?.url}/v1/declarations?count`, { headers: { authorization: `Bearer ${peers.declarationBackend?.token}` } });
      expect(await res.json()).toMatchObject({ count: 0 });
      // The vaccination registry stand-in, with the development signer its certificates verify with.
      expect(peers.vaccinationRegistry?.trust).toMatchObject({ alg: "ES256", subject: expect.stringContaining("DEVELOPMENT ONLY") });
      const search = await fetch(`${peers.vaccinationRegistry?.url}/v1/certificates/search`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(search.status).toBe(401);
    } finally {
      await peers.stop();
    }
  });

  it("when a peer URL is configured, then no stand-in is started for it", async () => {
    const peers = await startDevPeers(
      { NODE_ENV: "test", ZALO_GRAPH_URL: "https://graph.zalo.me", DECLARATION_BACKEND_URL: "https://backend.example.vn", VACCINATION_REGISTRY_URL: "https://registry.example.vn" },
      { dataDir: undefined, logger },
    );
    expect(peers.zaloGraph).toBeUndefined();
    expect(peers.declarationBackend).toBeUndefined();
    expect(peers.vaccinationRegistry).toBeUndefined();
    await peers.stop();
  });

  it("when asked in production, then it refuses: production talks to real peers only", async () => {
    await expect(startDevPeers({ NODE_ENV: "production" }, { dataDir: undefined, logger })).rejects.toThrow(/never started in production/);
  });

  it("when production points the Graph API at a plain-http stand-in, then start-up fails naming ZALO_GRAPH_URL", () => {
    expect(() => loadConfig({ NODE_ENV: "production", ZALO_GRAPH_URL: "http://127.0.0.1:4000" })).toThrow(/ZALO_GRAPH_URL: must be https/);
    expect(loadConfig({ ZALO_GRAPH_URL: "http://127.0.0.1:4000" }).ZALO_GRAPH_URL).toBe("http://127.0.0.1:4000");
  });

  it("when the outbox lease is not longer than the backend timeout, then start-up fails naming OUTBOX_LEASE_MS", () => {
    expect(() => loadConfig({ DECLARATION_BACKEND_TIMEOUT_MS: "5000", OUTBOX_LEASE_MS: "5000" })).toThrow(/OUTBOX_LEASE_MS: must be longer/);
    expect(loadConfig({}).OUTBOX_MAX_ATTEMPTS).toBe(16);
  });
});
