import { X509Certificate } from "node:crypto";
import type { TrustEntry } from "@khaibao/shared";
import { signingKeyFromPem, type Hc1SigningKey } from "../../vaccination/hc1-signer";
import { dccKid, trustEntryFromCertificate } from "../../vaccination/x509";
import { listenStandin, type RunningStandin } from "../listen";
import { createVaccinationRegistryStandinApp } from "./app";
import { DEV_ONLY_SIGNER_CERT_PEM, DEV_ONLY_SIGNER_KEY_PEM } from "./dev-only-signer";
import { SEEDED_PEOPLE, type SeededPerson } from "./people";

export { createVaccinationRegistryStandinApp } from "./app";
export { certificateOf, foldName } from "./certificate";
export { SEEDED_PEOPLE, VACCINES, type SeededPerson } from "./people";
export { DEV_ONLY_SIGNER_CERT_PEM } from "./dev-only-signer";

const devCertificateDer = () => new X509Certificate(DEV_ONLY_SIGNER_CERT_PEM).raw;

/** The development signer's trust entry: trusted only beside the stand-in, refused in production. */
export function devSignerTrustEntry(): TrustEntry {
  return trustEntryFromCertificate(devCertificateDer());
}

export function devSigningKey(): Hc1SigningKey {
  return signingKeyFromPem(DEV_ONLY_SIGNER_KEY_PEM, Buffer.from(dccKid(devCertificateDer()), "base64"));
}

export interface VaccinationRegistryStandin extends RunningStandin {
  token: string | undefined;
}

/** Starts the registry stand-in on its own port (0 = a free one). Development and tests only. */
export async function startVaccinationRegistryStandin(
  opts: { token?: string; port?: number; people?: readonly SeededPerson[]; now?: () => Date } = {},
): Promise<VaccinationRegistryStandin> {
  const app = createVaccinationRegistryStandinApp({
    people: opts.people ?? SEEDED_PEOPLE,
    signingKey: devSigningKey(),
    token: opts.token,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const running = await listenStandin(app, opts.port ?? 0);
  return { ...running, token: opts.token };
}
