import { Decoder, Tag } from "cbor-x";
import { unzlibSync } from "fflate";
import { base45Decode } from "../receipts/base45";
import { base64Encode } from "./bytes";
import type { Hc1FailureStep } from "./result";
import { dccCertificateSchema, type DccCertificate, type TrustEntry } from "./schema";

/**
 * Reading an `HC1:` text, step by step: prefix -> Base45 -> zlib -> COSE_Sign1 -> CWT claims ->
 * certificate. Nothing here checks the signature: use {@link verifyHc1} to decide anything.
 */

export const HC1_PREFIX = "HC1:";
/** A QR code holds at most 4,296 alphanumeric characters; anything longer is not a scanned QR. */
const MAX_TEXT_LENGTH = 8192;
/** A real certificate inflates to a few kilobytes; stop a zlib bomb well before it hurts a phone. */
const MAX_INFLATED_BYTES = 64 * 1024;

const COSE_SIGN1_TAG = 18;
const CWT_TAG = 61;
const HEADER_ALG = 1;
const HEADER_KID = 4;
const COSE_ALGS = new Map<number, TrustEntry["alg"]>([
  [-7, "ES256"],
  [-37, "PS256"],
]);
const CLAIM_ISS = 1;
const CLAIM_EXP = 4;
const CLAIM_IAT = 6;
const CLAIM_HCERT = -260;

export interface Hc1Parts {
  ok: true;
  /** From the protected header, or the unprotected one; null when neither names it. */
  alg: TrustEntry["alg"] | null;
  /** base64 of the key id (protected header first, then unprotected); null when absent. */
  kid: string | null;
  protectedBytes: Uint8Array;
  unprotectedHeader: Map<unknown, unknown>;
  payloadBytes: Uint8Array;
  signature: Uint8Array;
  issuer: string | null;
  /** Seconds since the epoch, as in the token. */
  issuedAt: number;
  expiresAt: number;
  /** The certificate as decoded, before any schema check. */
  raw: unknown;
  /** The certificate when it passes the schema; undefined otherwise. */
  certificate: DccCertificate | undefined;
}
export type Hc1Decoded = Hc1Parts | { ok: false; step: Hc1FailureStep };

// Maps stay Maps so COSE's integer keys are kept apart from text keys; no records, no structures.
const cbor = new Decoder({ mapsAsObjects: false, useRecords: false });

function decodeCbor(bytes: Uint8Array): { value: unknown } | undefined {
  try {
    return { value: cbor.decode(bytes) };
  } catch {
    return undefined;
  }
}

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;
const untag = (v: unknown, tag: number): unknown => (v instanceof Tag && v.tag === tag ? v.value : v);

function header(value: unknown): Map<unknown, unknown> | undefined {
  return value instanceof Map ? value : undefined;
}

/** Seconds the JavaScript Date can hold (±8.64e12 s); a token beyond that is unreadable, not a crash. */
const MAX_EPOCH_SECONDS = 8.64e12;

function intClaim(v: unknown): number | undefined {
  if (typeof v === "bigint") return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : undefined;
  return typeof v === "number" && Number.isSafeInteger(v) ? v : undefined;
}

/** CBOR maps with text keys become plain objects for the schema; other keys make it unreadable. */
function plain(value: unknown, depth = 0): unknown {
  if (depth > 16) throw new RangeError("too deep");
  if (value instanceof Map) {
    const entries: [string, unknown][] = [];
    for (const [k, v] of value) {
      if (typeof k !== "string") throw new TypeError("non-text key");
      entries.push([k, plain(v, depth + 1)]);
    }
    return Object.fromEntries(entries);
  }
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  return value;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i += 3800) {
    // 3800 bytes keep the sums far below 2^53 before the modulo.
    for (const byte of bytes.subarray(i, i + 3800)) {
      a += byte;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * zlib (RFC 1950): header check, inflate, then the Adler-32 trailer, which fflate does not check:
 * a QR text copied incompletely inflates "successfully" to a prefix, and must fail here instead.
 */
function inflate(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes.length < 6 || (bytes[0]! & 0x0f) !== 8 || ((bytes[0]! << 8) | bytes[1]!) % 31 !== 0) return undefined;
  let out: Uint8Array;
  try {
    out = unzlibSync(bytes);
  } catch {
    return undefined;
  }
  if (out.length > MAX_INFLATED_BYTES) return undefined;
  const t = bytes.length - 4;
  const trailer = ((bytes[t]! << 24) | (bytes[t + 1]! << 16) | (bytes[t + 2]! << 8) | bytes[t + 3]!) >>> 0;
  return trailer === adler32(out) ? out : undefined;
}

export function decodeHc1(text: string): Hc1Decoded {
  if (typeof text !== "string") return { ok: false, step: "prefix" };
  // Scanners and copy-paste add line ends; never trim spaces (a Base45 character).
  const line = text.replace(/[\r\n]+$/, "");
  if (!line.startsWith(HC1_PREFIX)) return { ok: false, step: "prefix" };
  if (line.length > MAX_TEXT_LENGTH) return { ok: false, step: "base45" };
  const compressed = base45Decode(line.slice(HC1_PREFIX.length));
  if (!compressed || compressed.length === 0) return { ok: false, step: "base45" };
  const coseBytes = inflate(compressed);
  if (!coseBytes) return { ok: false, step: "zlib" };

  const cose = decodeCbor(coseBytes);
  const sign1 = cose && untag(untag(cose.value, CWT_TAG), COSE_SIGN1_TAG);
  if (!Array.isArray(sign1) || sign1.length !== 4) return { ok: false, step: "cose" };
  const [protectedBytes, unprotectedValue, payloadBytes, signature] = sign1 as unknown[];
  if (!isBytes(protectedBytes) || !isBytes(payloadBytes) || !isBytes(signature)) return { ok: false, step: "cose" };
  const protectedHeader = protectedBytes.length === 0 ? new Map() : header(decodeCbor(protectedBytes)?.value);
  const unprotectedHeader = header(unprotectedValue);
  if (!protectedHeader || !unprotectedHeader) return { ok: false, step: "cose" };

  const algValue = protectedHeader.get(HEADER_ALG) ?? unprotectedHeader.get(HEADER_ALG);
  const alg = algValue === undefined ? null : COSE_ALGS.get(intClaim(algValue) ?? 0);
  if (alg === undefined) return { ok: false, step: "cose" };
  const kidValue = protectedHeader.get(HEADER_KID) ?? unprotectedHeader.get(HEADER_KID);
  if (kidValue !== undefined && !isBytes(kidValue)) return { ok: false, step: "cose" };
  const kid = kidValue === undefined ? null : base64Encode(kidValue);

  const claims = header(decodeCbor(payloadBytes)?.value);
  const hcert = header(claims?.get(CLAIM_HCERT));
  const issuedAt = intClaim(claims?.get(CLAIM_IAT));
  const expiresAt = intClaim(claims?.get(CLAIM_EXP));
  const iss = claims?.get(CLAIM_ISS);
  if (!claims || !hcert || !hcert.has(1) || issuedAt === undefined || expiresAt === undefined) return { ok: false, step: "cbor" };
  if (Math.abs(issuedAt) > MAX_EPOCH_SECONDS || Math.abs(expiresAt) > MAX_EPOCH_SECONDS) return { ok: false, step: "cbor" };
  if (iss !== undefined && typeof iss !== "string") return { ok: false, step: "cbor" };
  let raw: unknown;
  try {
    raw = plain(hcert.get(1));
  } catch {
    return { ok: false, step: "cbor" };
  }
  const parsed = dccCertificateSchema.safeParse(raw);
  return {
    ok: true,
    alg,
    kid,
    protectedBytes,
    unprotectedHeader,
    payloadBytes,
    signature,
    issuer: iss ?? null,
    issuedAt,
    expiresAt,
    raw,
    certificate: parsed.success ? parsed.data : undefined,
  };
}
