import { createHmac, timingSafeEqual } from "node:crypto";

/** `appsecret_proof` = hex(HMAC-SHA256(key = app secret, data = access token)), as Zalo's Graph API expects. */
export function appSecretProof(appSecret: string, accessToken: string): string {
  return createHmac("sha256", appSecret).update(accessToken, "utf8").digest("hex");
}

/** Constant-time check of a proof received (used by the local stand-in, as Zalo would check it). */
export function isValidAppSecretProof(appSecret: string, accessToken: string, proof: string | undefined): boolean {
  if (!proof) return false;
  const expected = Buffer.from(appSecretProof(appSecret, accessToken), "utf8");
  const given = Buffer.from(proof.toLowerCase(), "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
