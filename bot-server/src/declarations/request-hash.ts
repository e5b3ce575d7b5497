import { createHash } from "node:crypto";
import type { FieldCipher } from "../privacy/types";

/** JSON with object keys sorted at every depth: the same declaration always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Fingerprint of what was declared, to tell a retry (same key, same declaration: replay) from a
 * reused key (same key, different declaration: 409). Taken over the validated, normalised
 * declaration, so "0912 345 678" and "+84912345678" are the same answer. A keyed hash (blind
 * index), since a plain hash of personal data can be confirmed by guessing. The blind index
 * folds case, so it is taken over the SHA-256 of the text: a change of case still counts.
 */
export function declarationFingerprint(cipher: FieldCipher, declaration: unknown): string {
  const digest = createHash("sha256").update(canonicalJson(declaration), "utf8").digest("hex");
  return cipher.blindIndex("declaration-request", digest);
}
