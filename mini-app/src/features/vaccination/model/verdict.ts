import type { Hc1FailureStep, VerifyResult } from "@khaibao/shared";

/**
 * The answer a citizen gets about a certificate, from the step where checking it stopped. The
 * shared codec says exactly which step failed (for support staff); a person at a queue needs one
 * of a few plain answers: genuine, not genuine, expired, or "we do not know who issued it".
 *
 * - `not_certificate`: not an `HC1:` code at all (a checkpoint poster, a link...).
 * - `not_genuine`: damaged, altered or forged: anything from a broken encoding to a bad signature.
 * - `expired`: the certificate (12 months) or its signer's certificate has run out.
 * - `unknown_issuer`: signed by a key missing from our trust list (foreign, new, or fake).
 * - `not_yet_valid`: issued "in the future": most often the phone's clock is wrong.
 * - `unchecked`: no trust list on the phone yet (never been online since installing).
 */
export type Verdict = "valid" | "not_certificate" | "not_genuine" | "expired" | "unknown_issuer" | "not_yet_valid" | "unchecked";

const BY_STEP: Readonly<Record<Hc1FailureStep, Exclude<Verdict, "valid" | "unchecked">>> = {
  prefix: "not_certificate",
  base45: "not_genuine",
  zlib: "not_genuine",
  cose: "not_genuine",
  cbor: "not_genuine",
  schema: "not_genuine",
  bad_signature: "not_genuine",
  unknown_kid: "unknown_issuer",
  signer_expired: "expired",
  expired: "expired",
  not_yet_valid: "not_yet_valid",
};

export function verdictOfStep(step: Hc1FailureStep): Verdict {
  return BY_STEP[step];
}

export function verdictOf(result: VerifyResult | null): Verdict {
  if (result === null) return "unchecked";
  return result.valid ? "valid" : verdictOfStep(result.step);
}

/** Only a valid certificate goes into the wallet. */
export function canSave(result: VerifyResult | null): boolean {
  return result !== null && result.valid;
}
