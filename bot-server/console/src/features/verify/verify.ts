import { isDevelopmentKeyId, RECEIPT_TEXT_PREFIX, verifyReceipt, type ReceiptClaims, type ReceiptFailureCode, type ReceiptKeySet } from "@khaibao/shared";
import type { MessageKey } from "../../lib/i18n";
import type { LiveStatus } from "./live";

/** What the officer gave: a receipt's QR text, or only the 10-digit number printed under it. */
export type ReceiptInput = { kind: "qr"; text: string } | { kind: "code"; code: string };

/**
 * Pasted text often carries a trailing newline (scanners end with Enter) or leading spaces.
 * Only those are dropped: the Base45 alphabet contains a space, so spaces inside or at the end
 * of the payload are data.
 */
export function readInput(raw: string): ReceiptInput | undefined {
  const text = raw.replace(/^\s+/, "").replace(/[\r\n]+$/, "");
  if (text === "") return undefined;
  const digits = text.replace(/[\s.-]/g, "");
  if (!text.startsWith(RECEIPT_TEXT_PREFIX) && /^\d{10}$/.test(digits)) return { kind: "code", code: digits };
  return { kind: "qr", text };
}

export type OfflineVerdict =
  | { ok: true; claims: ReceiptClaims; kid: string; devKey: boolean }
  | { ok: false; code: "receipt.expired"; claims: ReceiptClaims; kid: string; devKey: boolean }
  | { ok: false; code: Exclude<ReceiptFailureCode, "receipt.expired"> }
  /** No key list on this device yet. */
  | { ok: false; code: "keys.missing" };

/** The signature check, on the device, against the cached key list. */
export async function verifyOffline(text: string, keySet: ReceiptKeySet | undefined, now: Date): Promise<OfflineVerdict> {
  if (!keySet) return { ok: false, code: "keys.missing" };
  const result = await verifyReceipt(text, keySet, now);
  if (result.ok || result.code === "receipt.expired") return { ...result, devKey: isDevelopmentKeyId(result.kid) };
  return result;
}


export type Tone = "valid" | "invalid" | "expired" | "unknown";

/** Why: a code of the shared catalogue (receipt.*) or one of the console's texts. */
export type Reason = { code: string } | { key: MessageKey; params?: Record<string, string> };

/** What the card shows about the receipt, whichever way it was read. */
export interface ReceiptDetails {
  code: string;
  checkpointId: string;
  checkpointName?: string;
  direction: "into" | "out_of";
  issuedAt: Date;
  expiresAt: Date;
  holderName: string;
  holderId: string;
  kid?: string;
  devKey?: boolean;
}

export interface Summary {
  tone: Tone;
  reasons: Reason[];
  details?: ReceiptDetails;
  /** The signature was checked on the device. */
  signatureChecked: boolean;
}

function fromClaims(v: { claims: ReceiptClaims; kid: string; devKey: boolean }): ReceiptDetails {
  const c = v.claims;
  return {
    code: c.code,
    checkpointId: c.checkpointId,
    direction: c.direction,
    issuedAt: new Date(c.issuedAt * 1000),
    expiresAt: new Date(c.expiresAt * 1000),
    holderName: c.holderName,
    holderId: c.holderId,
    kid: v.kid,
    devKey: v.devKey,
  };
}

/** A live record that disagrees with a genuine QR means something is badly wrong: refuse. */
function disagrees(d: ReceiptDetails, live: Extract<LiveStatus, { state: "found" }>["receipt"]): boolean {
  return (
    live.holderName !== d.holderName ||
    live.holderId !== d.holderId ||
    live.checkpointId !== d.checkpointId ||
    live.direction !== d.direction ||
    Math.abs(Date.parse(live.expiresAt) - d.expiresAt.getTime()) > 1000
  );
}

function statusReason(live: Extract<LiveStatus, { state: "found" }>["receipt"]): Reason[] {
  const reasons: Reason[] = [{ key: live.status === "revoked" ? "result.revoked" : "result.rejected" }];
  if (live.statusReason) reasons.push({ key: "live.reason", params: { reason: live.statusReason } });
  return reasons;
}

/**
 * One verdict from the two checks. The signature decides offline; when the server answers, a
 * revoked or rejected declaration (or a record that contradicts the QR) turns it red. A typed
 * number alone has no signature: only the server can answer for it.
 */
export function summarize(input: ReceiptInput, offline: OfflineVerdict | undefined, live: LiveStatus | undefined, now: Date): Summary {
  if (input.kind === "qr") {
    if (!offline) return { tone: "unknown", reasons: [], signatureChecked: false };
    if (!offline.ok && offline.code === "keys.missing") return { tone: "unknown", reasons: [{ key: "verify.keys_none" }], signatureChecked: false };
    if (!offline.ok && offline.code !== "receipt.expired") return { tone: "invalid", reasons: [{ code: offline.code }], signatureChecked: true };
    const details = fromClaims(offline);
    if (live?.state === "found") {
      details.checkpointName = live.receipt.checkpointName;
      if (disagrees(details, live.receipt)) return { tone: "invalid", reasons: [{ key: "live.mismatch" }], details, signatureChecked: true };
      if (live.receipt.status === "revoked" || live.receipt.status === "rejected") return { tone: "invalid", reasons: statusReason(live.receipt), details, signatureChecked: true };
    }
    if (!offline.ok) return { tone: "expired", reasons: [{ code: "receipt.expired" }], details, signatureChecked: true };
    return { tone: "valid", reasons: [], details, signatureChecked: true };
  }
  if (!live || live.state === "loading") return { tone: "unknown", reasons: [], signatureChecked: false };
  if (live.state === "not-found") return { tone: "invalid", reasons: [{ code: "receipt.not_found" }], signatureChecked: false };
  if (live.state !== "found") return { tone: "unknown", reasons: [{ key: "result.code_only_offline" }], signatureChecked: false };
  const r = live.receipt;
  const details: ReceiptDetails = {
    code: r.code,
    checkpointId: r.checkpointId,
    checkpointName: r.checkpointName,
    direction: r.direction,
    issuedAt: new Date(r.issuedAt),
    expiresAt: new Date(r.expiresAt),
    holderName: r.holderName,
    holderId: r.holderId,
  };
  if (r.status === "revoked" || r.status === "rejected") return { tone: "invalid", reasons: statusReason(r), details, signatureChecked: false };
  if (now.getTime() >= Date.parse(r.expiresAt)) return { tone: "expired", reasons: [{ code: "receipt.expired" }], details, signatureChecked: false };
  return r.valid ? { tone: "valid", reasons: [], details, signatureChecked: false } : { tone: "invalid", reasons: [], details, signatureChecked: false };
}
