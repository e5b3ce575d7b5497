import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeReceipt, isDevelopmentKeyId, maskHolderName, verifyReceipt, type ReceiptClaims } from "@khaibao/shared";
import { ConfigError } from "../config/errors";
import { createReceiptSigner } from "./signer";

const ISSUED = Date.UTC(2026, 10, 28, 1, 30) / 1000;
const claims: ReceiptClaims = {
  code: "4821773019",
  checkpointId: "HN-PHAPVAN",
  direction: "out_of",
  issuedAt: ISSUED,
  expiresAt: ISSUED + 72 * 3600,
  holderName: maskHolderName("Nguyễn Văn An"),
  holderId: "***456",
};
const DURING = new Date((ISSUED + 60) * 1000);

function ed25519Pem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
}
/** As a PEM is pasted into a one-line environment variable. */
const oneLine = (pem: string) => pem.trim().replace(/\n/g, "\\n");
const derBase64 = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");

async function configError(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return (err as ConfigError).problems.join("\n");
}

describe("createReceiptSigner with RECEIPT_SIGNING_KEY", () => {
  it("when a receipt is signed on the server, then the shared verifier accepts it byte for byte", async () => {
    const signer = await createReceiptSigner({ keys: `2026a:${oneLine(ed25519Pem())}`, allowDevKey: false, issuer: "Khaibao Hà Nội" });
    const text = signer.sign(claims);
    expect(signer.currentKeyId).toBe("2026a");
    expect(await verifyReceipt(text, signer.keySet(), DURING)).toEqual({ ok: true, claims, kid: "2026a" });
    expect(signer.keySet()).toMatchObject({ issuer: "Khaibao Hà Nội", keys: [{ kid: "2026a", alg: "Ed25519", status: "active" }] });
  });

  it("when the key is base64 DER without an id, then it is accepted as k1", async () => {
    const signer = await createReceiptSigner({ keys: derBase64(ed25519Pem()), allowDevKey: false, issuer: "x" });
    expect(signer.currentKeyId).toBe("k1");
    expect((await verifyReceipt(signer.sign(claims), signer.keySet(), DURING)).ok).toBe(true);
  });

  it("when the key is a multi-line PEM without an id, then it is accepted", async () => {
    const signer = await createReceiptSigner({ keys: ed25519Pem(), allowDevKey: false, issuer: "x" });
    expect(signer.currentKeyId).toBe("k1");
  });

  it("when a new key is put first, then receipts of the old key still verify and the old key is published as retired", async () => {
    const oldPem = ed25519Pem();
    const before = await createReceiptSigner({ keys: `k1:${oneLine(oldPem)}`, allowDevKey: false, issuer: "x" });
    const oldReceipt = before.sign(claims);
    const after = await createReceiptSigner({ keys: `k2:${oneLine(ed25519Pem())}, k1:${derBase64(oldPem)}`, allowDevKey: false, issuer: "x" });
    const newReceipt = after.sign({ ...claims, code: "0000000001" });
    expect(after.currentKeyId).toBe("k2");
    expect(after.keySet().keys.map((k) => [k.kid, k.status])).toEqual([
      ["k2", "active"],
      ["k1", "retired"],
    ]);
    expect(await verifyReceipt(oldReceipt, after.keySet(), DURING)).toMatchObject({ ok: true, kid: "k1" });
    expect(await verifyReceipt(newReceipt, after.keySet(), DURING)).toMatchObject({ ok: true, kid: "k2" });
    expect(await verifyReceipt(newReceipt, before.keySet(), DURING)).toEqual({ ok: false, code: "receipt.unknown_key" });
  });

  it("when the same claims are signed twice, then the text is identical (deterministic Ed25519)", async () => {
    const signer = await createReceiptSigner({ keys: ed25519Pem(), allowDevKey: false, issuer: "x" });
    expect(signer.sign(claims)).toBe(signer.sign(claims));
  });

  it("when the claims are not valid (unmasked name), then signing throws", async () => {
    const signer = await createReceiptSigner({ keys: ed25519Pem(), allowDevKey: false, issuer: "x" });
    expect(() => signer.sign({ ...claims, holderName: "Nguyễn Văn An" })).toThrow();
  });

  it("when someone mutates the key set they were given, then the published one is unchanged", async () => {
    const signer = await createReceiptSigner({ keys: ed25519Pem(), allowDevKey: false, issuer: "x" });
    signer.keySet().keys.length = 0;
    expect(signer.keySet().keys).toHaveLength(1);
  });
});

describe("RECEIPT_SIGNING_KEY errors name the variable and never the key", () => {
  it.each([
    ["k1:not a key", /RECEIPT_SIGNING_KEY: entry 1 \("k1"\): not a PKCS#8 PEM or base64 DER/],
    ["k1:QUJD", /RECEIPT_SIGNING_KEY: entry 1 \("k1"\): not a PKCS#8/],
    ["a key id that is too long:QUJD", /RECEIPT_SIGNING_KEY: entry 1 .*key id must be 1-16/],
    [" , ", /RECEIPT_SIGNING_KEY: no key given/],
  ])("when the value is %j, then the error says %s", async (keys, message) => {
    expect(await configError(createReceiptSigner({ keys, allowDevKey: false, issuer: "x" }))).toMatch(message);
  });

  it("when the key is RSA, then it is refused as not Ed25519", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    expect(await configError(createReceiptSigner({ keys: `k1:${oneLine(rsa)}`, allowDevKey: false, issuer: "x" }))).toMatch(/RECEIPT_SIGNING_KEY: .*Ed25519 key is required, got rsa/);
  });

  it("when a second entry is broken, then the message names it and does not quote the key", async () => {
    const good = derBase64(ed25519Pem());
    const broken = `${good.slice(0, 20)}AAAA${good.slice(24)}`;
    const message = await configError(createReceiptSigner({ keys: `k2:${good},k1:${broken}`, allowDevKey: false, issuer: "x" }));
    expect(message).toMatch(/RECEIPT_SIGNING_KEY: entry 2 \("k1"\)/);
    expect(message).not.toContain(good.slice(10, 30));
  });

  it("when two entries share an id, or several lack one, then it is refused", async () => {
    const a = derBase64(ed25519Pem());
    expect(await configError(createReceiptSigner({ keys: `k1:${a},k1:${a}`, allowDevKey: false, issuer: "x" }))).toMatch(/RECEIPT_SIGNING_KEY: key id "k1" is used twice/);
    expect(await configError(createReceiptSigner({ keys: `${a},${a}`, allowDevKey: false, issuer: "x" }))).toMatch(/RECEIPT_SIGNING_KEY: entry 1 has no key id/);
  });

  it("when production is given a dev- key id, then it is refused", async () => {
    expect(await configError(createReceiptSigner({ keys: `dev-1:${derBase64(ed25519Pem())}`, allowDevKey: false, issuer: "x" }))).toMatch(/RECEIPT_SIGNING_KEY: .*development keys/);
  });

  it("when no key is set and dev keys are not allowed, then it refuses to start", async () => {
    expect(await configError(createReceiptSigner({ keys: undefined, allowDevKey: false, issuer: "x" }))).toMatch(/RECEIPT_SIGNING_KEY: required in production/);
  });
});

describe("the development receipt key", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "khaibao-receipt-key-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("when no key is set in development, then one is generated, kept 0600 and reused after a restart", async () => {
    const devKeyFile = join(dir, "nested", "dev-receipt-key.pem");
    const first = await createReceiptSigner({ keys: undefined, allowDevKey: true, devKeyFile, issuer: "Khaibao" });
    const receipt = first.sign(claims);
    expect(isDevelopmentKeyId(first.currentKeyId)).toBe(true);
    expect(first.currentKeyId).toMatch(/^dev-[0-9a-f]{8}$/);
    expect(first.keySet().issuer).toMatch(/DEVELOPMENT KEY/);
    expect((await stat(devKeyFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(devKeyFile, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);

    const restarted = await createReceiptSigner({ keys: undefined, allowDevKey: true, devKeyFile, issuer: "Khaibao" });
    expect(restarted.currentKeyId).toBe(first.currentKeyId);
    expect(await verifyReceipt(receipt, restarted.keySet(), DURING)).toMatchObject({ ok: true });
    expect(decodeReceipt(receipt)).toMatchObject({ ok: true, kid: first.currentKeyId });
  });

  it("when two processes start at once, then they end up with the same key", async () => {
    const devKeyFile = join(dir, "dev-receipt-key.pem");
    const signers = await Promise.all(Array.from({ length: 4 }, () => createReceiptSigner({ keys: undefined, allowDevKey: true, devKeyFile, issuer: "x" })));
    expect(new Set(signers.map((s) => s.currentKeyId)).size).toBe(1);
  });

  it("when the dev key file is corrupt, then the error names the file and the variable", async () => {
    const devKeyFile = join(dir, "dev-receipt-key.pem");
    await import("node:fs/promises").then((fs) => fs.writeFile(devKeyFile, "garbage"));
    expect(await configError(createReceiptSigner({ keys: undefined, allowDevKey: true, devKeyFile, issuer: "x" }))).toMatch(/RECEIPT_SIGNING_KEY: unset, and the development key file .* delete it/);
  });

  it("when a key is configured in development, then it is used and no file is written", async () => {
    const devKeyFile = join(dir, "dev-receipt-key.pem");
    const signer = await createReceiptSigner({ keys: `local:${derBase64(ed25519Pem())}`, allowDevKey: true, devKeyFile, issuer: "x" });
    expect(signer.currentKeyId).toBe("local");
    await expect(stat(devKeyFile)).rejects.toThrow();
  });
});
