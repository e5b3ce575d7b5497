import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from "node:crypto";
import { pooledRandomBytes } from "../random/pool";
import { ConfigError } from "../config/errors";
import { loadOrCreateDevDataKey, parseDataKeys, type DataKey } from "./data-keys";
import { FieldCipherError } from "./errors";
import type { FieldCipher } from "./types";

export const DEFAULT_DEV_DATA_KEY_FILE = "./data/dev-data-key.json";

/**
 * Sealed format, version 1:
 *
 *   offset  size  field
 *   0       1     version = 0x01
 *   1       1     n = length of the key id (1..32)
 *   2       n     key id, ASCII
 *   2+n     12    IV, random per seal
 *   14+n    m     AES-256-GCM ciphertext (m = plaintext length)
 *   end     16    GCM tag
 *
 * The header (version, length, key id) is the GCM additional data, so it cannot be swapped
 * without the tag failing. Random 96-bit IVs are safe for well over a billion seals per key;
 * rotate keys long before that.
 */
const VERSION = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

const ENCRYPTION_INFO = "khaibao/field-cipher/aes-256-gcm/v1";
const INDEX_INFO = "khaibao/blind-index/hmac-sha256/v1";
const KIND_PATTERN = /^[a-z][a-z0-9_.-]{0,31}$/;

/** Each use of a root key gets its own derived key (HKDF-SHA256), so the AES and HMAC keys differ. */
function derive(root: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync("sha256", root, Buffer.alloc(0), info, 32));
}

/** What blind indexes hash: NFC, trimmed, inner whitespace collapsed, upper case. */
export function normalizeForIndex(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ").toUpperCase();
}

class AesGcmFieldCipher implements FieldCipher {
  readonly currentKeyId: string;
  private readonly current: { header: Buffer; key: Buffer };
  private readonly byKid: Map<string, Buffer>;
  private readonly indexKey: Buffer;

  constructor(keys: readonly DataKey[]) {
    const first = keys[0];
    const last = keys[keys.length - 1];
    if (!first || !last) throw new Error("at least one data key is required");
    this.byKid = new Map(keys.map((k) => [k.kid, derive(k.key, ENCRYPTION_INFO)]));
    this.currentKeyId = first.kid;
    this.current = { header: Buffer.concat([Buffer.of(VERSION, first.kid.length), Buffer.from(first.kid, "ascii")]), key: this.byKid.get(first.kid) as Buffer };
    this.indexKey = derive(last.key, INDEX_INFO);
  }

  seal(plain: Uint8Array | string): Buffer {
    const data = typeof plain === "string" ? Buffer.from(plain, "utf8") : plain;
    const iv = pooledRandomBytes(IV_LENGTH);
    const cipher = createCipheriv("aes-256-gcm", this.current.key, iv, { authTagLength: TAG_LENGTH });
    cipher.setAAD(this.current.header);
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    return Buffer.concat([this.current.header, iv, body, cipher.getAuthTag()]);
  }

  open(sealed: Uint8Array): Buffer {
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    const kidLength = bytes[1];
    if (bytes[0] !== VERSION || kidLength === undefined || kidLength === 0) throw new FieldCipherError("privacy.malformed");
    const headerLength = 2 + kidLength;
    if (bytes.length < headerLength + IV_LENGTH + TAG_LENGTH) throw new FieldCipherError("privacy.malformed");
    const kid = bytes.toString("latin1", 2, headerLength);
    const key = this.byKid.get(kid);
    if (!key) throw new FieldCipherError("privacy.unknown_key", /^[\x20-\x7e]*$/.test(kid) ? kid : undefined);
    const iv = bytes.subarray(headerLength, headerLength + IV_LENGTH);
    const tag = bytes.subarray(bytes.length - TAG_LENGTH);
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_LENGTH });
    decipher.setAAD(bytes.subarray(0, headerLength));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(bytes.subarray(headerLength + IV_LENGTH, bytes.length - TAG_LENGTH)), decipher.final()]);
    } catch {
      throw new FieldCipherError("privacy.tampered", kid);
    }
  }

  sealJson(value: unknown): Buffer {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError("sealJson: the value has no JSON form");
    return this.seal(json);
  }

  openJson<T = unknown>(sealed: Uint8Array): T {
    const text = this.open(sealed).toString("utf8");
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new FieldCipherError("privacy.malformed");
    }
  }

  blindIndex(kind: string, value: string): string {
    if (!KIND_PATTERN.test(kind)) throw new TypeError(`blindIndex: kind must match ${String(KIND_PATTERN)}`);
    return createHmac("sha256", this.indexKey).update(`${kind}\u0000${normalizeForIndex(value)}`, "utf8").digest("hex");
  }
}

export interface FieldCipherOptions {
  /** `DATA_ENCRYPTION_KEY`: a base64 32-byte key (id `k1`), or `kid:base64,kid:base64,...`. */
  keys: string | undefined;
  /** Where the generated development key lives (default `./data/dev-data-key.json`). */
  devKeyFile?: string;
  /** True outside production: with no key configured, use (and create) the development key. */
  allowDevKey: boolean;
}

/**
 * Encryption of personal fields at rest: AES-256-GCM, the key id inside every sealed value.
 *
 * Rotation: put the new key first (`k2:new,k1:old`). New data is sealed with k2; k1 still opens
 * what it sealed. Remove a key only after everything sealed with it has been re-sealed.
 *
 * Blind indexes: keyed with a key derived from the LAST entry of the list, the oldest key, so
 * that they stay the same when a new key is put first. That key must therefore stay in the list
 * (last) for as long as indexes made with it are in use; dropping or replacing it means
 * recomputing every blind index. With a single key, it is both the encryption and index root.
 */
export async function createFieldCipher(opts: FieldCipherOptions): Promise<FieldCipher> {
  if (opts.keys !== undefined && opts.keys.trim() !== "") return new AesGcmFieldCipher(parseDataKeys(opts.keys, { allowDevKey: opts.allowDevKey }));
  if (!opts.allowDevKey) throw new ConfigError(["DATA_ENCRYPTION_KEY: required in production (base64 of 32 random bytes: openssl rand -base64 32)"]);
  return new AesGcmFieldCipher([await loadOrCreateDevDataKey(opts.devKeyFile ?? DEFAULT_DEV_DATA_KEY_FILE)]);
}
