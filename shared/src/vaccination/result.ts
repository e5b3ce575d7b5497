import type { DccCertificate } from "./schema";

/**
 * Where checking an `HC1:` text stopped, in the order the checks run. Support staff read these
 * to a citizen, so each has its own message (`vaccination.verify.<step>` in ./messages.ts).
 */
export const HC1_FAILURE_STEPS = [
  "prefix",
  "base45",
  "zlib",
  "cose",
  "cbor",
  "unknown_kid",
  "bad_signature",
  "signer_expired",
  "schema",
  "not_yet_valid",
  "expired",
] as const;
export type Hc1FailureStep = (typeof HC1_FAILURE_STEPS)[number];

/** Facts read from a signed certificate; `issuedAt`/`expiresAt` are ISO instants (JSON-friendly, cacheable). */
export interface Hc1Facts {
  /** base64 of the signer's key id (8 bytes). */
  kid: string;
  issuedAt: string;
  expiresAt: string;
  /** `iss` claim: the issuing country (e.g. "VN"), null when the certificate has none. */
  issuer: string | null;
}

export type VerifyResult =
  | ({ valid: true; certificate: DccCertificate } & Hc1Facts)
  /**
   * `certificate` (and the facts) are present only when the signature was good: a genuine but
   * expired certificate still shows whose it is; a forged one shows nothing.
   */
  | ({ valid: false; step: Hc1FailureStep; certificate?: DccCertificate } & Partial<Hc1Facts>);

export function hc1FailureMessageCode(step: Hc1FailureStep): `vaccination.verify.${Hc1FailureStep}` {
  return `vaccination.verify.${step}`;
}
