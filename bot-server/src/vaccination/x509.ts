import { createHash, X509Certificate } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { TrustEntry } from "@khaibao/shared";

/** Files in a trust folder that are read as certificates; anything else there is ignored. */
const CERTIFICATE_EXTENSIONS = new Set([".pem", ".crt", ".cer", ".der"]);
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

/** The DCC key id: the first 8 bytes of the SHA-256 of the DER certificate, base64. */
export function dccKid(der: Uint8Array): string {
  return createHash("sha256").update(der).digest().subarray(0, 8).toString("base64");
}

/**
 * A signer certificate as the verifier needs it. P-256 keys sign ES256 and RSA keys PS256 (the
 * two algorithms the DCC allows); any other key is refused with a message naming it.
 */
export function trustEntryFromCertificate(der: Uint8Array): TrustEntry {
  const cert = new X509Certificate(der);
  const key = cert.publicKey;
  let alg: TrustEntry["alg"];
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") alg = "ES256";
  else if (key.asymmetricKeyType === "rsa" || key.asymmetricKeyType === "rsa-pss") alg = "PS256";
  else throw new Error(`unsupported signer key (${key.asymmetricKeyType ?? "unknown"} ${key.asymmetricKeyDetails?.namedCurve ?? ""}); the DCC allows P-256 (ES256) and RSA (PS256)`.replace(" )", ")"));
  return {
    kid: dccKid(cert.raw),
    alg,
    spki: key.export({ type: "spki", format: "der" }).toString("base64"),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    subject: cert.subject.split("\n").join(", "),
  };
}

/** Every certificate in a PEM text (a bundle holds several), or the bytes as one DER certificate. */
export function certificatesIn(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString("latin1");
  if (text.includes("-----BEGIN")) {
    return [...text.matchAll(PEM_BLOCK)].map((m) => Buffer.from((m[1] ?? "").replace(/\s+/g, ""), "base64"));
  }
  return [bytes];
}

/** Trust entries from certificate bytes; each failure names `label` so an operator finds the bad file. */
export function trustEntriesFromBytes(bytes: Uint8Array, label: string): TrustEntry[] {
  const certificates = certificatesIn(bytes);
  if (certificates.length === 0) throw new Error(`${label}: no certificate found (expected PEM or DER)`);
  return certificates.map((der, i) => {
    try {
      return trustEntryFromCertificate(der);
    } catch (error) {
      throw new Error(`${label}${certificates.length > 1 ? ` (certificate ${i + 1})` : ""}: ${(error as Error).message}`);
    }
  });
}

/**
 * Reads a file (PEM, PEM bundle or DER) or a folder of them (`.pem .crt .cer .der`, sorted by
 * name, not recursive) into trust entries.
 */
export function readTrustPath(target: string): TrustEntry[] {
  if (statSync(target).isDirectory()) {
    return readdirSync(target)
      .filter((name) => CERTIFICATE_EXTENSIONS.has(path.extname(name).toLowerCase()))
      .sort()
      .flatMap((name) => trustEntriesFromBytes(readFileSync(path.join(target, name)), path.join(target, name)));
  }
  return trustEntriesFromBytes(readFileSync(target), target);
}
