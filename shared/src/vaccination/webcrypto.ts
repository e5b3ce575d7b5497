import type { TrustEntry } from "./schema";
import { base64Decode } from "./bytes";

/**
 * The sliver of WebCrypto the verifier needs, typed here because shared is compiled without DOM
 * or Node types. `crypto.subtle` exists in every browser the mini app runs in and in Node 20.
 */
interface Subtle {
  importKey(format: "spki", keyData: Uint8Array, algorithm: object, extractable: boolean, usages: string[]): Promise<unknown>;
  verify(algorithm: object, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}

function subtle(): Subtle {
  const s = (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
  if (!s) throw new Error("WebCrypto (crypto.subtle) is not available");
  return s;
}

const IMPORT: Record<TrustEntry["alg"], object> = {
  ES256: { name: "ECDSA", namedCurve: "P-256" },
  PS256: { name: "RSA-PSS", hash: "SHA-256" },
};
/** COSE ES256 signatures are raw r||s, which is what WebCrypto takes; PS256 uses a 32-byte salt (RFC 8230). */
const VERIFY: Record<TrustEntry["alg"], object> = {
  ES256: { name: "ECDSA", hash: "SHA-256" },
  PS256: { name: "RSA-PSS", saltLength: 32 },
};

/**
 * True only when `signature` over `data` checks out with the entry's key. A key that will not
 * import (wrong type, garbage) or a malformed signature is simply "not verified", never a throw.
 */
export async function verifyWithEntry(entry: TrustEntry, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  const spki = base64Decode(entry.spki);
  if (!spki) return false;
  if (entry.alg === "ES256" && signature.length !== 64) return false;
  try {
    const key = await subtle().importKey("spki", spki, IMPORT[entry.alg], false, ["verify"]);
    return await subtle().verify(VERIFY[entry.alg], key, signature, data);
  } catch {
    return false;
  }
}
