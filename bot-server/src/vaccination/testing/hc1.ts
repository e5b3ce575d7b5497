import { X509Certificate } from "node:crypto";
import { decodeHc1, packHc1, type DccCertificate, type TrustEntry, type UnsignedHc1 } from "@khaibao/shared";
import { certificateOf, devSignerTrustEntry, devSigningKey, SEEDED_PEOPLE } from "../../standins/vaccination-registry";
import { issueHc1, signingKeyFromPem, type Hc1BuildOptions, type Hc1SigningKey } from "../hc1-signer";
import { dccKid, trustEntryFromCertificate } from "../x509";
import { TEST_ONLY_RSA_CERT_PEM, TEST_ONLY_RSA_KEY_PEM } from "./rsa-signer";

/** Test helpers: certificates signed by the dev (ES256) or test RSA (PS256) signer, and surgery on HC1 texts. */

export const DAY_MS = 24 * 3600 * 1000;
/** Within both test signers' validity (2026-11-28 .. 2036-11-25). */
export const ISSUED = new Date("2027-03-01T08:00:00Z");
export const EXPIRES = new Date(ISSUED.getTime() + 365 * DAY_MS);
export const DURING = new Date(ISSUED.getTime() + 30 * DAY_MS);

export const devKey = (): Hc1SigningKey => devSigningKey();
export const devTrust = (): TrustEntry => devSignerTrustEntry();

export function rsaKey(): Hc1SigningKey {
  return signingKeyFromPem(TEST_ONLY_RSA_KEY_PEM, Buffer.from(dccKid(new X509Certificate(TEST_ONLY_RSA_CERT_PEM).raw), "base64"));
}
export const rsaTrust = (): TrustEntry => trustEntryFromCertificate(new X509Certificate(TEST_ONLY_RSA_CERT_PEM).raw);

export const sampleCertificate = (): DccCertificate => certificateOf(SEEDED_PEOPLE[0]!);

export function issue(opts: { key?: Hc1SigningKey; certificate?: DccCertificate | Record<string, unknown>; issuedAt?: Date; expiresAt?: Date } & Hc1BuildOptions = {}): string {
  const { key = devKey(), certificate = sampleCertificate(), issuedAt = ISSUED, expiresAt = EXPIRES, ...build } = opts;
  return issueHc1(key, { certificate, issuer: "VN", issuedAt, expiresAt }, build);
}

/**
 * The COSE_Sign1 parts of an HC1 text, changed by `edit`, re-packed: protected header and payload
 * bytes stay as they were unless `edit` replaces them.
 */
export function editCose(text: string, edit: (parts: { unsigned: UnsignedHc1; signature: Uint8Array }) => void): string {
  const decoded = decodeHc1(text);
  if (!decoded.ok) throw new Error(`not a decodable HC1 text (${decoded.step})`);
  const parts = {
    unsigned: { protectedBytes: decoded.protectedBytes, unprotectedHeader: decoded.unprotectedHeader as Map<number, unknown>, payloadBytes: decoded.payloadBytes },
    signature: decoded.signature,
  };
  edit(parts);
  return packHc1(parts.unsigned, parts.signature);
}

/** One byte of the signature flipped: what a forger changing the QR gets. */
export function flipSignatureByte(text: string, index = 10): string {
  return editCose(text, (parts) => {
    const sig = new Uint8Array(parts.signature);
    sig[index] = sig[index]! ^ 0x01;
    parts.signature = sig;
  });
}
