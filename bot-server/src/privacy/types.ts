/**
 * How personal fields are protected at rest. Features store only what this returns: sealed
 * bytes (AES-256-GCM, key id inside, so old keys still decrypt after rotation) and blind
 * indexes (keyed hashes) for lookups such as "declarations of this ID number".
 */
export interface FieldCipher {
  /** The key id new data is sealed with. */
  readonly currentKeyId: string;
  seal(plain: Uint8Array | string): Buffer;
  open(sealed: Uint8Array): Buffer;
  sealJson(value: unknown): Buffer;
  openJson<T = unknown>(sealed: Uint8Array): T;
  /** Deterministic keyed hash of a normalised value, namespaced by kind ("id", "phone"). Hex. */
  blindIndex(kind: string, value: string): string;
}
