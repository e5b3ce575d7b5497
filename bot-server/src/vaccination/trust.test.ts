import { X509Certificate } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_ONLY_SIGNER_CERT_PEM } from "../standins/vaccination-registry";
import { ConfigError } from "../config/errors";
import { loadConfig, REQUIRED_IN_PRODUCTION } from "../config";
import { TEST_ONLY_RSA_CERT_PEM } from "./testing/rsa-signer";
import { configureTrust } from "./trust-config";
import { TrustStore } from "./trust-store";
import { createHttpTrustListSource, createTrustUpdater } from "./trust-updater";
import { readTrustPath, trustEntriesFromBytes } from "./x509";

const silent = { info: () => {}, warn: () => {} };
const dir = mkdtempSync(path.join(tmpdir(), "khaibao-trust-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("signer certificates from files", () => {
  it("when given PEM, a PEM bundle, DER or a folder, then each certificate becomes an entry with the DCC kid", () => {
    const devDer = new X509Certificate(DEV_ONLY_SIGNER_CERT_PEM).raw;
    const [dev] = trustEntriesFromBytes(Buffer.from(DEV_ONLY_SIGNER_CERT_PEM), "dev.pem");
    // kid = first 8 bytes of SHA-256 of the DER certificate (computed independently here).
    expect(dev).toMatchObject({ kid: "xKpEnFhQ57Y=", alg: "ES256", notBefore: "2026-11-28T13:48:31.000Z", notAfter: "2036-11-25T13:48:31.000Z" });
    expect(dev?.subject).toContain("DEVELOPMENT ONLY");

    const folder = path.join(dir, "certs");
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "bundle.pem"), DEV_ONLY_SIGNER_CERT_PEM + TEST_ONLY_RSA_CERT_PEM);
    writeFileSync(path.join(folder, "dev.der"), devDer);
    writeFileSync(path.join(folder, "notes.txt"), "not a certificate");
    const entries = readTrustPath(folder);
    expect(entries.map((e) => e.alg)).toEqual(["ES256", "PS256", "ES256"]);
    expect(readTrustPath(path.join(folder, "dev.der"))).toEqual([dev]);
  });

  it("when a file is not a certificate, then the error names the file", () => {
    const bad = path.join(dir, "bad.pem");
    writeFileSync(bad, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    expect(() => readTrustPath(bad)).toThrow(bad);
    expect(() => configureTrust({ VACCINATION_TRUST_FILES: bad, VACCINATION_TRUST_REFRESH_MINUTES: 60 }, { production: false, devSigner: undefined, logger: silent })).toThrow(ConfigError);
  });
});

describe("trust configuration in production", () => {
  const production = {
    ...Object.fromEntries(REQUIRED_IN_PRODUCTION.map((k) => [k, "x"])),
    NODE_ENV: "production",
    PUBLIC_BASE_URL: "https://khaibao.example.vn",
    DATABASE_URL: "postgres://db/khaibao",
    ZALO_OA_ID: "123",
    ZALO_MINI_APP_ID: "456",
    DECLARATION_BACKEND_URL: "https://backend.example.vn",
    VACCINATION_REGISTRY_URL: "https://registry.example.vn",
  };
  it("when neither trust files nor a trust URL is given, then start-up fails naming them; a plain-http trust URL is refused", () => {
    expect(() => loadConfig(production)).toThrow(/VACCINATION_TRUST_FILES: required in production \(or VACCINATION_TRUST_URL\)/);
    expect(loadConfig({ ...production, VACCINATION_TRUST_FILES: "/etc/khaibao/dsc" }).VACCINATION_TRUST_REFRESH_MINUTES).toBe(360);
    expect(() => loadConfig({ ...production, VACCINATION_TRUST_URL: "http://trust.example.vn/dsc.pem" })).toThrow(/VACCINATION_TRUST_URL: must be https/);
  });
});

describe("trust store", () => {
  it("when the set of entries changes, then the version and date change; the same set in another order does not", () => {
    let t = Date.parse("2027-01-01T00:00:00Z");
    const store = new TrustStore(() => new Date(t));
    const [dev] = trustEntriesFromBytes(Buffer.from(DEV_ONLY_SIGNER_CERT_PEM), "dev");
    const [rsa] = trustEntriesFromBytes(Buffer.from(TEST_ONLY_RSA_CERT_PEM), "rsa");
    const empty = store.list();
    t += 1000;
    expect(store.set("files", [dev!, rsa!])).toBe(true);
    const both = store.list();
    expect(both.version).not.toBe(empty.version);
    expect(both.issuedAt).toBe("2027-01-01T00:00:01.000Z");
    t += 1000;
    expect(store.set("files", [rsa!, dev!])).toBe(false);
    expect(store.set("remote", [dev!])).toBe(false); // the same certificate from two sources is one entry
    expect(store.list()).toEqual(both);
  });

  it("in production, the development signer is refused from files and never added as the stand-in's", () => {
    const devPem = path.join(dir, "dev-copy.pem");
    writeFileSync(devPem, DEV_ONLY_SIGNER_CERT_PEM);
    const env = { VACCINATION_TRUST_FILES: devPem, VACCINATION_TRUST_REFRESH_MINUTES: 60 };
    expect(() => configureTrust(env, { production: true, devSigner: undefined, logger: silent })).toThrow(/development signer/);
    const { store } = configureTrust(env, { production: false, devSigner: undefined, logger: silent });
    expect(store.list().entries).toHaveLength(1);
  });
});

describe("trust list updater against a local HTTP server", () => {
  let server: Server;
  let url: string;
  let body: { type: string; text: string; status: number } = { type: "application/x-pem-file", text: TEST_ONLY_RSA_CERT_PEM, status: 200 };
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(body.status, { "content-type": body.type });
      res.end(body.text);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dsc`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("when the URL serves a PEM bundle, then its certificates join the list; a JSON trust list too; a failure keeps the list", async () => {
    const { store, updater } = configureTrust(
      { VACCINATION_TRUST_URL: url, VACCINATION_TRUST_REFRESH_MINUTES: 60 },
      { production: false, devSigner: undefined, logger: silent },
    );
    expect(store.list().entries).toEqual([]);
    expect(await updater!.refresh()).toEqual({ ok: true, changed: true });
    expect(store.list().entries.map((e) => e.alg)).toEqual(["PS256"]);
    const afterPem = store.list().version;

    // Another server's /api/vaccination/trust-list: the JSON shape replaces the remote entries.
    const devOnly = new TrustStore();
    devOnly.set("files", trustEntriesFromBytes(Buffer.from(DEV_ONLY_SIGNER_CERT_PEM), "dev"));
    body = { type: "application/json", text: JSON.stringify(devOnly.list()), status: 200 };
    expect(await updater!.refresh()).toEqual({ ok: true, changed: true });
    expect(store.list().entries.map((e) => e.alg)).toEqual(["ES256"]);
    expect(store.list().version).not.toBe(afterPem);

    const kept = store.list();
    for (const broken of [{ type: "text/plain", text: "down for maintenance", status: 503 }, { type: "application/json", text: '{"version":"x"}', status: 200 }, { type: "application/json", text: JSON.stringify({ ...devOnly.list(), entries: [] }), status: 200 }]) {
      body = broken;
      expect(await updater!.refresh()).toMatchObject({ ok: false });
      expect(store.list()).toEqual(kept);
    }
  });

  it("when the source answers, then the updater's own fetch and a direct source fetch agree", async () => {
    body = { type: "application/x-pem-file", text: DEV_ONLY_SIGNER_CERT_PEM + TEST_ONLY_RSA_CERT_PEM, status: 200 };
    const entries = await createHttpTrustListSource({ url }).fetch();
    const store = new TrustStore();
    const updater = createTrustUpdater({ source: { fetch: async () => entries }, store, intervalMinutes: 60, logger: silent });
    await updater.refresh();
    expect(store.list().entries).toHaveLength(2);
  });
});
