import { randomBytes } from "node:crypto";
import { ConfigError } from "../config/errors";
import { readOrCreateDevKeyFile } from "./dev-key-file";

const VARIABLE = "DATA_ENCRYPTION_KEY";
export const DATA_KID_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;
export const DEV_DATA_KID_PREFIX = "dev-";

export interface DataKey {
  kid: string;
  /** 32 bytes: the root from which the AES key (and, for the index key, the HMAC key) derive. */
  key: Buffer;
}

function fail(problem: string): never {
  throw new ConfigError([`${VARIABLE}: ${problem}`]);
}

function decodeKey(value: string, label: string): Buffer {
  const compact = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) fail(`${label} is not base64 (make one with: openssl rand -base64 32)`);
  const key = Buffer.from(compact.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) fail(`${label} must be 32 bytes (AES-256), got ${key.length} (make one with: openssl rand -base64 32)`);
  return key;
}

/**
 * Parses `DATA_ENCRYPTION_KEY`: one base64 key (id `k1`), or `kid:base64,kid:base64,...`.
 * The first entry seals new data; every entry opens what it sealed. Errors name the variable
 * and the entry, never the key.
 */
export function parseDataKeys(value: string, opts: { allowDevKey: boolean }): DataKey[] {
  const entries = value.split(",").map((e) => e.trim()).filter((e) => e.length > 0);
  if (entries.length === 0) fail("no key given");
  const keys = entries.map((entry, index): DataKey => {
    const colon = entry.indexOf(":");
    if (colon < 0 && entries.length > 1) fail(`entry ${index + 1} has no key id; with several keys write kid:base64,kid:base64 (the first encrypts)`);
    const kid = colon < 0 ? "k1" : entry.slice(0, colon).trim();
    const label = `key "${kid}" (entry ${index + 1})`;
    if (!DATA_KID_PATTERN.test(kid)) fail(`entry ${index + 1}: the key id must be 1-32 characters of A-Z a-z 0-9 . _ -`);
    if (kid.startsWith(DEV_DATA_KID_PREFIX) && !opts.allowDevKey) fail(`${label}: ids starting with "${DEV_DATA_KID_PREFIX}" are development keys and are refused in production`);
    return { kid, key: decodeKey(colon < 0 ? entry : entry.slice(colon + 1), label) };
  });
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k.kid)) fail(`key id "${k.kid}" is used twice`);
    seen.add(k.kid);
  }
  return keys;
}

/** The development data key, `{"kid": "dev-...", "key": "<base64>"}` in a 0600 file. */
export async function loadOrCreateDevDataKey(file: string): Promise<DataKey> {
  const { text } = await readOrCreateDevKeyFile(file, () =>
    `${JSON.stringify({ kid: `${DEV_DATA_KID_PREFIX}${randomBytes(4).toString("hex")}`, key: randomBytes(32).toString("base64") }, null, 2)}\n`,
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const { kid, key } = (parsed ?? {}) as { kid?: unknown; key?: unknown };
  const broken = `unset, and the development key file ${file} is not valid; delete it to generate a new one (data sealed with it will be lost)`;
  if (typeof kid !== "string" || !DATA_KID_PATTERN.test(kid) || typeof key !== "string") fail(broken);
  const bytes = Buffer.from(key, "base64");
  if (bytes.length !== 32) fail(broken);
  return { kid, key: bytes };
}
