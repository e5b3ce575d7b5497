import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Session tokens: 256 random bits in the cookie; the database keeps only their SHA-256, so
 * reading the sessions table does not give anyone a usable cookie. The CSRF token is derived
 * from the session token (a different hash, so neither reveals the other) and is therefore
 * bound to one session without being stored.
 */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sessionIdOf(token: string): string {
  return createHash("sha256").update("khaibao-staff-session\0").update(token).digest("hex");
}

export function csrfTokenOf(token: string): string {
  return createHash("sha256").update("khaibao-staff-csrf\0").update(token).digest("base64url");
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Session tokens look like this; anything else in the cookie is ignored without a lookup. */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
