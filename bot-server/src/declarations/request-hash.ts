import { createHash } from "node:crypto";
import type { FieldCipher } from "../privacy/types";

/** JSON with object keys sorted at every depth: how fingerprints of version 1 were taken. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const V2 = "v2:";

const keyedDigest = (cipher: FieldCipher, text: string) => cipher.blindIndex("declaration-request", createHash("sha256").update(text, "utf8").digest("hex"));

/**
 * Fingerprint of what was declared, to tell a retry (same key, same declaration: replay) from a
 * reused key (same key, different declaration: 409). Taken over the validated, normalised
 * declaration, so "0912 345 678" and "+84912345678" are the same answer. A keyed hash (blind
 * index), since a plain hash of personal data can be confirmed by guessing. The blind index
 * folds case, so it is taken over the SHA-256 of the text: a change of case still counts.
 *
 * `json` is the declaration as the shared zod schema outputs it: the schema writes keys in its
 * own order whatever order the client sent, so the text needs no sorting (version 1 sorted every
 * object, a third of the cost of fingerprinting). Fingerprints carry their version, so a retry of
 * a declaration stored before the change still matches (`sameDeclaration`).
 */
export function declarationFingerprint(cipher: FieldCipher, json: string): string {
  return V2 + keyedDigest(cipher, json);
}

/** Whether a stored fingerprint (of either version) is that of this declaration. */
export function sameDeclaration(cipher: FieldCipher, stored: string, declaration: unknown, json: string): boolean {
  return stored.startsWith(V2) ? stored === declarationFingerprint(cipher, json) : stored === keyedDigest(cipher, canonicalJson(declaration));
}
