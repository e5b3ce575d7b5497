import { verifyAsync } from "@noble/ed25519";
import { base64UrlDecode } from "./bytes";
import type { ReceiptClaims } from "./claims";
import { parseReceiptText } from "./encoding";
import type { ReceiptKeySet } from "./key-set";

export type DecodedReceipt =
  | { ok: true; claims: ReceiptClaims; kid: string; signedBytes: Uint8Array; signature: Uint8Array }
  | { ok: false; code: "receipt.invalid" };

/**
 * Reads a receipt QR text without checking its signature: use it to show what a QR claims
 * while verification runs, never to decide. See `encoding.ts` for the format.
 */
export function decodeReceipt(text: string): DecodedReceipt {
  const parsed = parseReceiptText(text);
  return parsed ? { ok: true, ...parsed } : { ok: false, code: "receipt.invalid" };
}

export type ReceiptVerification =
  | { ok: true; claims: ReceiptClaims; kid: string }
  | { ok: false; code: "receipt.invalid" | "receipt.unknown_key" | "receipt.bad_signature" }
  /** Genuine but past its time: the claims are there so the officer sees whose it was. */
  | { ok: false; code: "receipt.expired"; claims: ReceiptClaims; kid: string };

export type ReceiptFailureCode = Extract<ReceiptVerification, { ok: false }>["code"];

/**
 * Checks a receipt QR text offline against a published key set, in this order: format
 * (`receipt.invalid`), key id known and valid for the receipt's issue time
 * (`receipt.unknown_key`), signature (`receipt.bad_signature`), then `now < expiresAt`
 * (`receipt.expired`). Retired keys still verify what they signed. Strict RFC 8032 verification
 * (no ZIP-215 leniency, small-order keys refused). Needs WebCrypto (`crypto.subtle`, SHA-512),
 * present in browsers and Node 20.
 */
export async function verifyReceipt(text: string, keySet: ReceiptKeySet, now: Date): Promise<ReceiptVerification> {
  const decoded = decodeReceipt(text);
  if (!decoded.ok) return decoded;
  const { claims, kid, signedBytes, signature } = decoded;
  const key = keySet.keys.find((k) => k.kid === kid);
  const publicKey = key && base64UrlDecode(key.publicKey);
  if (!key || publicKey?.length !== 32) return { ok: false, code: "receipt.unknown_key" };
  if (key.notAfter !== undefined && claims.issuedAt * 1000 > Date.parse(key.notAfter)) return { ok: false, code: "receipt.unknown_key" };
  let genuine = false;
  try {
    genuine = await verifyAsync(signature, signedBytes, publicKey, { zip215: false });
  } catch {
    genuine = false; // malformed point or scalar
  }
  if (!genuine) return { ok: false, code: "receipt.bad_signature" };
  if (now.getTime() >= claims.expiresAt * 1000) return { ok: false, code: "receipt.expired", claims, kid };
  return { ok: true, claims, kid };
}
