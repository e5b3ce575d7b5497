import { checkpointIdSchema } from "@khaibao/shared";

/** The canonical form of a checkpoint id (trimmed, upper case), or null when it cannot be one. */
export function normalizeCheckpointId(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const parsed = checkpointIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * A checkpoint id from what a person typed, pasted or scanned: the bare code (`hn-phapvan`) or
 * the poster's link (`https://zalo.me/s/<app>/?checkpoint=HN-PHAPVAN&utm_source=zalo-qr`).
 */
export function checkpointIdFromText(text: string): string | null {
  const trimmed = text.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    try {
      return normalizeCheckpointId(new URL(trimmed).searchParams.get("checkpoint"));
    } catch {
      return null;
    }
  }
  return normalizeCheckpointId(trimmed);
}
