import { constants, createPrivateKey, sign, type KeyObject } from "node:crypto";
import { coseSigStructure, packHc1, prepareHc1, type Hc1Claims, type UnsignedHc1 } from "@khaibao/shared";

/**
 * Issues `HC1:` texts with a private key: the shared codec builds the COSE structure, node:crypto
 * signs it (ES256 raw r||s, or PS256 with a 32-byte salt). Used by the local registry stand-in
 * and by tests; production certificates come from the registry.
 */
export interface Hc1SigningKey {
  privateKey: KeyObject;
  alg: "ES256" | "PS256";
  /** The raw 8-byte key id. */
  kid: Uint8Array;
}

export type { Hc1Claims };

/** Knobs for tests that build unusual certificates on purpose. */
export interface Hc1BuildOptions {
  /** Where the kid goes: the protected header (default, as issuers do) or the unprotected one. */
  kidIn?: "protected" | "unprotected";
}

/** A PKCS#8 PEM key: P-256 signs ES256, RSA signs PS256. */
export function signingKeyFromPem(pem: string, kid: Uint8Array): Hc1SigningKey {
  const privateKey = createPrivateKey(pem);
  const alg = privateKey.asymmetricKeyType === "ec" ? "ES256" : "PS256";
  return { privateKey, alg, kid };
}

export function signUnsignedHc1(key: Hc1SigningKey, unsigned: UnsignedHc1): Uint8Array {
  const data = coseSigStructure(unsigned.protectedBytes, unsigned.payloadBytes);
  if (key.alg === "ES256") return sign("sha256", data, { key: key.privateKey, dsaEncoding: "ieee-p1363" });
  return sign("sha256", data, { key: key.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
}

export function issueHc1(key: Hc1SigningKey, claims: Hc1Claims, opts: Hc1BuildOptions = {}): string {
  const unsigned = prepareHc1(claims, { alg: key.alg, kid: new Uint8Array(key.kid) }, opts.kidIn);
  return packHc1(unsigned, new Uint8Array(signUnsignedHc1(key, unsigned)));
}
