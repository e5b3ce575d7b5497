import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_ONLY_SIGNER_CERT_PEM, SEEDED_PEOPLE, startVaccinationRegistryStandin, type VaccinationRegistryStandin } from "../standins/vaccination-registry";
import { createHttpVaccinationRegistry } from "../vaccination";
import { flipSignatureByte } from "../vaccination/testing/hc1";

// The acceptance round trip: the registry stand-in issues a certificate over HTTP, and the CLI,
// run as its own process exactly as `npm run verify-cert` runs it, judges it.

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "khaibao-verify-cert-"));
const devFolder = path.join(dir, "dev-trust");
const emptyFolder = path.join(dir, "empty");
let standin: VaccinationRegistryStandin;
let hc1: string;

beforeAll(async () => {
  mkdirSync(devFolder);
  mkdirSync(emptyFolder);
  writeFileSync(path.join(devFolder, "dev-only-signer.pem"), DEV_ONLY_SIGNER_CERT_PEM);
  standin = await startVaccinationRegistryStandin({ token: "cli-test" });
  const person = SEEDED_PEOPLE[2]!;
  const found = await createHttpVaccinationRegistry({ baseUrl: standin.url, token: "cli-test" }).find({ idNumber: person.idNumber, fullName: person.fullName, dateOfBirth: person.dateOfBirth });
  if (!found.found) throw new Error("the stand-in did not find a seeded person");
  hc1 = found.hc1;
});
afterAll(async () => {
  await standin.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function verifyCert(...args: string[]): Promise<{ code: number; json: Record<string, unknown>; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "verify-cert", "--", ...args], { cwd: process.cwd() });
    return { code: 0, json: JSON.parse(stdout) as Record<string, unknown>, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, json: e.stdout.trim() ? (JSON.parse(e.stdout) as Record<string, unknown>) : {}, stderr: e.stderr };
  }
}

// Each case spawns npm and the CLI (seconds each on a loaded CI machine).
describe("npm run verify-cert", { timeout: 60_000 }, () => {
  it("when the stand-in's certificate is checked with the development trust list, then valid, exit 0, with the decoded certificate", async () => {
    const { code, json } = await verifyCert("--trust", devFolder, hc1);
    expect(code).toBe(0);
    expect(json).toMatchObject({ valid: true, issuer: "VN", certificate: { nam: { fnt: "LE", gnt: "HOANG<CUONG" }, v: [{ mp: "BBIBP-CorV", dn: 2, sd: 2 }] } });
  });

  it("when the trust list is empty, then invalid at unknown_kid, exit 1, still showing what the QR claims", async () => {
    const { code, json } = await verifyCert("--trust", emptyFolder, hc1);
    expect(code).toBe(1);
    expect(json).toMatchObject({ valid: false, step: "unknown_kid", signatureVerified: false, certificate: { nam: { fnt: "LE" } } });
    expect((json.message as { vi: string }).vi).toContain("Không rõ đơn vị cấp");
  });

  it("when one byte of the signature is flipped, then bad_signature", async () => {
    const { code, json } = await verifyCert("--trust", devFolder, flipSignatureByte(hc1));
    expect([code, json.step]).toEqual([1, "bad_signature"]);
  });

  it("when --at is after exp, then expired; read from @file as well", async () => {
    const file = path.join(dir, "qr.txt");
    writeFileSync(file, `${hc1}\n`);
    const expiresAt = Date.parse((await verifyCert("--trust", devFolder, `@${file}`)).json.expiresAt as string);
    const { code, json } = await verifyCert("--trust", path.join(devFolder, "dev-only-signer.pem"), "--at", new Date(expiresAt + 1000).toISOString(), `@${file}`);
    expect([code, json.step, json.valid]).toEqual([1, "expired", false]);
  });

  it("when the arguments are wrong, then usage on stderr and exit 2", async () => {
    const missingTrust = await verifyCert(hc1);
    expect(missingTrust.code).toBe(2);
    expect(missingTrust.stderr).toContain("Usage: npm run verify-cert");
    expect((await verifyCert("--trust", devFolder, "--at", "yesterday", hc1)).code).toBe(2);
  });
});

describe("verify-cert with a trust list JSON (as served by /api/vaccination/trust-list)", { timeout: 60_000 }, () => {
  it("when given the JSON file, then it verifies like the certificates themselves", async () => {
    const { runVerifyCert } = await import("./verify-cert-command");
    const { TrustStore, trustEntriesFromBytes } = await import("../vaccination");
    const store = new TrustStore();
    store.set("files", trustEntriesFromBytes(Buffer.from(DEV_ONLY_SIGNER_CERT_PEM), "dev"));
    const file = path.join(dir, "trust-list.json");
    writeFileSync(file, JSON.stringify(store.list()));
    const out: string[] = [];
    const code = await runVerifyCert(["--trust", file, hc1], { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(code).toBe(0);
    expect(JSON.parse(out.join("\n"))).toMatchObject({ valid: true });
  });
});
