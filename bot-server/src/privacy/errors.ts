export type FieldCipherErrorCode =
  /** Not sealed by us, cut short, or a format version this build does not know. */
  | "privacy.malformed"
  /** Sealed with a key id that is not configured (removed from DATA_ENCRYPTION_KEY?). */
  | "privacy.unknown_key"
  /** The authentication tag does not match: the bytes were changed, or the key is wrong. */
  | "privacy.tampered";

/** Thrown by `FieldCipher.open`; never carries plaintext or key material. */
export class FieldCipherError extends Error {
  constructor(
    readonly code: FieldCipherErrorCode,
    readonly kid?: string,
  ) {
    super(kid === undefined ? code : `${code} (key ${kid})`);
    this.name = "FieldCipherError";
  }
}
