import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { DEV_KID_PREFIX, RECEIPT_KID_PATTERN } from "@khaibao/shared";
import { ConfigError } from "../config/errors";
import { readOrCreateDevKeyFile } from "../privacy/dev-key-file";

const VARIABLE = "RECEIPT_SIGNING_KEY";

/** One Ed25519 key pair of the signer; `publicKey` is base64url of the raw 32 bytes. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: string;
}

function fail(problem: string): never {
  throw new ConfigError([`${VARIABLE}: ${problem}`]);
}

function toSigningKey(kid: string, privateKey: KeyObject): SigningKey {
  const jwk = createPublicKey(privateKey).export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("Ed25519 public key without x");
  return { kid, privateKey, publicKey: jwk.x };
}

/** PKCS#8 PEM (real or literal `\n` line breaks) or base64 of the DER bytes. */
function readPrivateKey(text: string): KeyObject | "encrypted" | undefined {
  const value = text.replace(/\\n/g, "\n").trim();
  try {
    if (value.includes("-----BEGIN")) {
      if (value.includes("ENCRYPTED")) return "encrypted";
      return createPrivateKey({ key: value, format: "pem" });
    }
    const compact = value.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
    return createPrivateKey({ key: Buffer.from(compact, "base64"), format: "der", type: "pkcs8" });
  } catch {
    return undefined;
  }
}

/**
 * Parses `RECEIPT_SIGNING_KEY`: `kid:KEY,kid:KEY,...`, the first entry signing and the rest
 * kept to verify what they signed before a rotation. A single key may omit its id (`k1`).
 * Errors name the variable and the entry, never the key material. Ids starting with `dev-` are
 * refused unless development keys are allowed, so a copied dev key cannot pass as production.
 */
export function parseReceiptSigningKeys(value: string, opts: { allowDevKey: boolean }): SigningKey[] {
  const entries = value.split(",").map((e) => e.trim()).filter((e) => e.length > 0);
  if (entries.length === 0) fail("no key given");
  const keys = entries.map((entry, index): SigningKey => {
    const colon = entry.indexOf(":");
    const hasKid = colon > 0 && !entry.startsWith("-----");
    if (!hasKid && entries.length > 1) fail(`entry ${index + 1} has no key id; with several keys write kid:KEY,kid:KEY (the first signs)`);
    const kid = hasKid ? entry.slice(0, colon).trim() : "k1";
    const label = `entry ${index + 1} ("${kid}")`;
    if (!RECEIPT_KID_PATTERN.test(kid)) fail(`${label}: the key id must be 1-16 characters of A-Z a-z 0-9 . _ - (it is printed in every QR code)`);
    if (kid.startsWith(DEV_KID_PREFIX) && !opts.allowDevKey) fail(`${label}: key ids starting with "${DEV_KID_PREFIX}" are development keys and are refused in production`);
    const key = readPrivateKey(hasKid ? entry.slice(colon + 1) : entry);
    if (key === "encrypted") fail(`${label}: encrypted private keys are not supported; give the unencrypted PKCS#8 key from your secret store`);
    if (!key) fail(`${label}: not a PKCS#8 PEM or base64 DER private key (make one with: openssl genpkey -algorithm ed25519)`);
    if (key.asymmetricKeyType !== "ed25519") fail(`${label}: an Ed25519 key is required, got ${key.asymmetricKeyType ?? "an unknown type"}`);
    return toSigningKey(kid, key);
  });
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k.kid)) fail(`key id "${k.kid}" is used twice`);
    seen.add(k.kid);
  }
  return keys;
}

/** Dev key ids come from the key itself, so the same file always gives the same id. */
function devKid(publicKey: string): string {
  return `${DEV_KID_PREFIX}${createHash("sha256").update(Buffer.from(publicKey, "base64url")).digest("hex").slice(0, 8)}`;
}

/**
 * The development key: read from `file`, or generated and written there once (mode 0600), so
 * receipts issued in development keep verifying across restarts.
 */
export async function loadOrCreateDevReceiptKey(file: string): Promise<SigningKey> {
  const { text } = await readOrCreateDevKeyFile(file, () =>
    generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
  );
  const key = readPrivateKey(text);
  if (!key || key === "encrypted" || key.asymmetricKeyType !== "ed25519") {
    fail(`unset, and the development key file ${file} is not an Ed25519 PKCS#8 PEM; delete it to generate a new one`);
  }
  const signing = toSigningKey("", key);
  return { ...signing, kid: devKid(signing.publicKey) };
}
