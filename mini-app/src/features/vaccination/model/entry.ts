import type { DccCertificate } from "@khaibao/shared";
import type { CertificateSource, NewWalletEntry } from "../storage/wallet";

/** The name as printed (any script), or its transliteration when the certificate has no printed one. */
export function holderNameOf(certificate: DccCertificate): string {
  const { fn, gn, fnt, gnt } = certificate.nam;
  const printed = [fn, gn].filter((p) => p && p.trim() !== "").join(" ");
  return printed || [fnt, gnt].filter(Boolean).join(" ").replace(/</g, " ").trim();
}

/** What the wallet keeps beside the `HC1:` text, read from a certificate that verified. */
export function walletEntryFrom(hc1: string, certificate: DccCertificate, source: CertificateSource): NewWalletEntry {
  const entry = certificate.v?.[0] ?? certificate.t?.[0] ?? certificate.r?.[0];
  return {
    hc1,
    holderName: holderNameOf(certificate),
    holderKey: `${certificate.nam.fnt}|${certificate.nam.gnt ?? ""}|${certificate.dob}`,
    dateOfBirth: certificate.dob,
    certificateId: entry?.ci ?? "",
    source,
  };
}
