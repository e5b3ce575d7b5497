import { sign } from "node:crypto";
import { encodeReceiptPayload, receiptKeySetSchema, receiptText, type ReceiptClaims, type ReceiptKeySet } from "@khaibao/shared";
import { ConfigError } from "../config/errors";
import { loadOrCreateDevReceiptKey, parseReceiptSigningKeys, type SigningKey } from "./signing-keys";
import type { ReceiptSigner } from "./types";

export const DEFAULT_DEV_RECEIPT_KEY_FILE = "./data/dev-receipt-key.pem";

export interface ReceiptSignerOptions {
  /** `RECEIPT_SIGNING_KEY`: `kid:KEY,kid:KEY,...` (PKCS#8 PEM or base64 DER), the first signs. */
  keys: string | undefined;
  /** Where the generated development key lives (default `./data/dev-receipt-key.pem`). */
  devKeyFile?: string;
  /** True outside production: with no key configured, use (and create) the development key. */
  allowDevKey: boolean;
  /** Who signs, shown in the published key set, e.g. `Khaibao https://khaibao.example.vn`. */
  issuer: string;
  /** The key set's `updatedAt`; defaults to the time the signer is created. */
  now?: () => Date;
}

/** Appended to the issuer of a development key set: a test trust list must never pass as real. */
export const DEV_ISSUER_SUFFIX = " - DEVELOPMENT KEY, not valid at real checkpoints";

/**
 * The receipt signer: Ed25519 with node:crypto (deterministic, RFC 8032; the shared verifier
 * checks the same bytes). With no key configured it uses a generated development key when
 * allowed (ids `dev-...`, issuer labelled as development), and refuses to start otherwise.
 */
export async function createReceiptSigner(opts: ReceiptSignerOptions): Promise<ReceiptSigner> {
  let keys: SigningKey[];
  let development = false;
  if (opts.keys !== undefined && opts.keys.trim() !== "") {
    keys = parseReceiptSigningKeys(opts.keys, { allowDevKey: opts.allowDevKey });
  } else if (opts.allowDevKey) {
    keys = [await loadOrCreateDevReceiptKey(opts.devKeyFile ?? DEFAULT_DEV_RECEIPT_KEY_FILE)];
    development = true;
  } else {
    throw new ConfigError(["RECEIPT_SIGNING_KEY: required in production (Ed25519 PKCS#8 key; make one with: openssl genpkey -algorithm ed25519)"]);
  }
  const current = keys[0] as SigningKey;
  const published: ReceiptKeySet = receiptKeySetSchema.parse({
    issuer: development ? `${opts.issuer}${DEV_ISSUER_SUFFIX}` : opts.issuer,
    updatedAt: (opts.now?.() ?? new Date()).toISOString(),
    keys: keys.map((k, i) => ({ kid: k.kid, alg: "Ed25519", publicKey: k.publicKey, status: i === 0 ? "active" : "retired" })),
  });

  return {
    currentKeyId: current.kid,
    sign(claims: ReceiptClaims): string {
      const payload = encodeReceiptPayload(claims, current.kid);
      return receiptText(payload, sign(null, payload, current.privateKey));
    },
    keySet: () => structuredClone(published),
  };
}
