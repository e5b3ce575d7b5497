import { z } from "zod";

/**
 * The wallet: certificates kept on this phone, for the person and their family. Each entry keeps
 * the exact `HC1:` text (what the QR shows, what a checkpoint verifies) and a few facts read from
 * it for the list, so the list shows without decoding. A certificate is only ever added after it
 * verified (see ../model/verdict.ts); here is plain bookkeeping, pure functions over the list.
 */
export const MAX_CERTIFICATES = 12;
export const MAX_LABEL_LENGTH = 40;

export const CERTIFICATE_SOURCES = ["lookup", "paste", "scan"] as const;
export type CertificateSource = (typeof CERTIFICATE_SOURCES)[number];

const text = (max: number) => z.string().max(max).catch("");

export const walletEntrySchema = z.object({
  id: z.string().min(1).max(64),
  hc1: z.string().startsWith("HC1:").max(8_000),
  /** The name the person gave it ("Mẹ", "Bé Na"); empty: the holder's name is shown. */
  label: text(MAX_LABEL_LENGTH),
  /** As printed on the certificate, in its own script. */
  holderName: text(200),
  /** Transliterated name and birth date: the same person's newer certificate replaces the older one. */
  holderKey: text(200),
  dateOfBirth: text(10),
  /** `ci`, the certificate's unique id (URN:UVCI:...). */
  certificateId: text(80),
  source: z.enum(CERTIFICATE_SOURCES).catch("paste"),
  savedAt: text(40),
});
export type WalletEntry = z.infer<typeof walletEntrySchema>;

export const walletSchema = z
  .array(walletEntrySchema.nullable().catch(null))
  .transform((list) => list.filter((e): e is WalletEntry => e !== null));

export type NewWalletEntry = Omit<WalletEntry, "id" | "label" | "savedAt">;

export type AddOutcome =
  | { ok: true; list: WalletEntry[]; entry: WalletEntry; replaced: WalletEntry | null }
  | { ok: false; reason: "full" };

/**
 * Adds a certificate at the top. The same certificate (same `ci` or the same text) or a newer one
 * of the same person replaces the old entry, keeping its id and the name the person gave it;
 * otherwise a full wallet refuses rather than silently dropping someone's certificate.
 */
export function addCertificate(list: readonly WalletEntry[], input: NewWalletEntry, id: string, now: Date): AddOutcome {
  const same = (e: WalletEntry) =>
    e.hc1 === input.hc1 ||
    (input.certificateId !== "" && e.certificateId === input.certificateId) ||
    (input.holderKey !== "" && e.holderKey === input.holderKey);
  const replaced = list.find(same) ?? null;
  if (!replaced && list.length >= MAX_CERTIFICATES) return { ok: false, reason: "full" };
  const entry: WalletEntry = { ...input, id: replaced?.id ?? id, label: replaced?.label ?? "", savedAt: now.toISOString() };
  return { ok: true, list: [entry, ...list.filter((e) => e !== replaced)], entry, replaced };
}

/** Renames an entry; blank names go back to showing the holder's name. */
export function renameCertificate(list: readonly WalletEntry[], id: string, label: string): WalletEntry[] {
  const clean = label.normalize("NFC").replace(/\s+/g, " ").trim().slice(0, MAX_LABEL_LENGTH);
  return list.map((e) => (e.id === id ? { ...e, label: clean } : e));
}

export function removeCertificate(list: readonly WalletEntry[], id: string): WalletEntry[] {
  return list.filter((e) => e.id !== id);
}

/** What the list and the headers call an entry. */
export function entryTitle(entry: Pick<WalletEntry, "label" | "holderName">): string {
  return entry.label || entry.holderName;
}
