import { decodeHc1, type Hc1Parts } from "./decode";
import type { Hc1Facts, VerifyResult } from "./result";
import type { TrustEntry } from "./schema";
import { verifyWithEntry } from "./webcrypto";

/** Phones' clocks drift: a certificate issued a moment ago must not read "not yet valid". */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface VerifyHc1Options {
  /** The signer certificates trusted (the cached trust list's entries). */
  trust: readonly TrustEntry[];
  /** The clock to check `iat`/`exp` and the signer's validity against. */
  now: Date;
}

function cborHead(major: number, length: number): number[] {
  const m = major << 5;
  if (length < 24) return [m | length];
  if (length < 0x100) return [m | 24, length];
  if (length < 0x10000) return [m | 25, length >> 8, length & 0xff];
  return [m | 26, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff];
}

/**
 * The bytes COSE_Sign1 signs (RFC 9052 §4.4): ["Signature1", protected, h'', payload], built by
 * hand so no encoder option can change a byte.
 */
export function coseSigStructure(protectedBytes: Uint8Array, payloadBytes: Uint8Array): Uint8Array {
  const context = [..."Signature1"].map((c) => c.charCodeAt(0));
  const parts = [
    ...cborHead(4, 4),
    ...cborHead(3, context.length),
    ...context,
    ...cborHead(2, protectedBytes.length),
  ];
  const tail = [...cborHead(2, 0), ...cborHead(2, payloadBytes.length)];
  const out = new Uint8Array(parts.length + protectedBytes.length + tail.length + payloadBytes.length);
  out.set(parts, 0);
  out.set(protectedBytes, parts.length);
  out.set(tail, parts.length + protectedBytes.length);
  out.set(payloadBytes, parts.length + protectedBytes.length + tail.length);
  return out;
}

const inForce = (entry: TrustEntry, at: number) => Date.parse(entry.notBefore) <= at && at <= Date.parse(entry.notAfter);

async function genuineSigners(parts: Hc1Parts, candidates: readonly TrustEntry[]): Promise<TrustEntry[]> {
  const signed = coseSigStructure(parts.protectedBytes, parts.payloadBytes);
  const verdicts = await Promise.all(candidates.map((entry) => verifyWithEntry(entry, parts.signature, signed)));
  return candidates.filter((_, i) => verdicts[i]);
}

/**
 * Checks an `HC1:` text offline, in this order: prefix, Base45, zlib, COSE structure, CWT
 * claims (`cbor`), a trusted signer with the kid (`unknown_kid`; protected or unprotected
 * header, and every trusted certificate sharing the kid is tried), the signature
 * (`bad_signature`), the signer certificate valid both now and when it signed
 * (`signer_expired`), the certificate schema, then `iat`/`exp` against `now`.
 *
 * Never throws: any input, however broken, answers with the step that failed.
 */
export async function verifyHc1(text: string, options: VerifyHc1Options): Promise<VerifyResult> {
  let parts;
  try {
    parts = decodeHc1(text);
  } catch {
    return { valid: false, step: "cose" }; // the decoders should not throw; this keeps the promise
  }
  if (!parts.ok) return { valid: false, step: parts.step };
  const { kid, alg } = parts;
  const candidates = kid === null ? [] : options.trust.filter((e) => e.kid === kid && (alg === null || e.alg === alg));
  if (candidates.length === 0) return { valid: false, step: "unknown_kid" };

  const signers = await genuineSigners(parts, candidates);
  if (signers.length === 0) return { valid: false, step: "bad_signature" };

  const facts: Hc1Facts = {
    kid: kid as string,
    issuedAt: new Date(parts.issuedAt * 1000).toISOString(),
    expiresAt: new Date(parts.expiresAt * 1000).toISOString(),
    issuer: parts.issuer,
  };
  const now = options.now.getTime();
  const shown = parts.certificate ? { certificate: parts.certificate } : {};
  if (!signers.some((e) => inForce(e, now) && inForce(e, parts.issuedAt * 1000))) {
    return { valid: false, step: "signer_expired", ...facts, ...shown };
  }
  if (!parts.certificate) return { valid: false, step: "schema", ...facts };
  if (parts.issuedAt * 1000 > now + CLOCK_SKEW_MS) return { valid: false, step: "not_yet_valid", ...facts, ...shown };
  if (now >= parts.expiresAt * 1000) return { valid: false, step: "expired", ...facts, ...shown };
  return { valid: true, certificate: parts.certificate, ...facts };
}
