import { Encoder, Tag } from "cbor-x";
import { zlibSync } from "fflate";
import { base45Encode } from "../receipts/base45";
import { HC1_PREFIX } from "./decode";
import type { TrustEntry } from "./schema";

/**
 * Building `HC1:` texts, the other half of ./decode.ts: everything except the signature itself,
 * which needs a private key (the server signs with node:crypto, see the registry stand-in).
 *
 *   const unsigned = prepareHc1(claims, { alg: "ES256", kid });
 *   const signature = sign(coseSigStructure(unsigned.protectedBytes, unsigned.payloadBytes));
 *   const text = packHc1(unsigned, signature);
 */

// Records off: plain CBOR maps, as every other DCC implementation reads them.
const cbor = new Encoder({ useRecords: false, mapsAsObjects: false });
const encode = (value: unknown) => new Uint8Array(cbor.encode(value));

export const COSE_ALGORITHM_IDS = { ES256: -7, PS256: -37 } as const satisfies Record<TrustEntry["alg"], number>;

export interface Hc1Claims {
  certificate: unknown;
  /** `iss`: the issuing country, e.g. "VN". */
  issuer: string;
  issuedAt: Date;
  expiresAt: Date;
}

export interface UnsignedHc1 {
  protectedBytes: Uint8Array;
  unprotectedHeader: Map<number, unknown>;
  payloadBytes: Uint8Array;
}

/**
 * The protected header (alg, and the kid unless `kidIn` is "unprotected", which some issuers
 * did and verifiers must accept) and the CWT payload: 1 iss, 4 exp, 6 iat, -260 {1: certificate}.
 */
export function prepareHc1(claims: Hc1Claims, key: { alg: TrustEntry["alg"]; kid: Uint8Array }, kidIn: "protected" | "unprotected" = "protected"): UnsignedHc1 {
  const protectedHeader = new Map<number, unknown>([[1, COSE_ALGORITHM_IDS[key.alg]]]);
  const unprotectedHeader = new Map<number, unknown>();
  (kidIn === "protected" ? protectedHeader : unprotectedHeader).set(4, key.kid);
  const payload = new Map<number, unknown>([
    [1, claims.issuer],
    [4, Math.floor(claims.expiresAt.getTime() / 1000)],
    [6, Math.floor(claims.issuedAt.getTime() / 1000)],
    [-260, new Map([[1, claims.certificate]])],
  ]);
  return { protectedBytes: encode(protectedHeader), unprotectedHeader, payloadBytes: encode(payload) };
}

/** COSE_Sign1 (tag 18) -> zlib -> Base45 -> `HC1:`. */
export function packHc1(unsigned: UnsignedHc1, signature: Uint8Array): string {
  const sign1 = new Tag([unsigned.protectedBytes, unsigned.unprotectedHeader, unsigned.payloadBytes, signature], 18);
  return HC1_PREFIX + base45Encode(zlibSync(encode(sign1), { level: 9 }));
}
