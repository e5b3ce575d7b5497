import { getPublicKeyAsync, signAsync } from "@noble/ed25519";
import { describe, expect, it } from "vitest";
import { base45Decode, base45Encode } from "./base45";
import { base64UrlEncode } from "./bytes";
import type { ReceiptClaims } from "./claims";
import { encodeReceiptPayload, RECEIPT_TEXT_PREFIX, receiptText } from "./encoding";
import { receiptKeySetSchema, type ReceiptKeySet } from "./key-set";
import { decodeReceipt, verifyReceipt } from "./verify";

const ISSUED = Date.UTC(2026, 10, 28, 1, 30) / 1000;
const claims: ReceiptClaims = {
  code: "0482177301",
  checkpointId: "HN-PHAPVAN",
  direction: "into",
  issuedAt: ISSUED,
  expiresAt: ISSUED + 72 * 3600,
  holderName: "NGUYEN V** A*",
  holderId: "***456",
};
const DURING = new Date((ISSUED + 3600) * 1000);

const secretA = new Uint8Array(32).fill(7);
const secretB = new Uint8Array(32).fill(9);

async function publicKeyEntry(kid: string, secret: Uint8Array, status: "active" | "retired" = "active") {
  return { kid, alg: "Ed25519" as const, publicKey: base64UrlEncode(await getPublicKeyAsync(secret)), status };
}

async function keySet(...keys: Awaited<ReturnType<typeof publicKeyEntry>>[]): Promise<ReceiptKeySet> {
  return receiptKeySetSchema.parse({ issuer: "Khaibao test", updatedAt: "2026-11-28T00:00:00Z", keys });
}

async function signed(c: ReceiptClaims, kid: string, secret: Uint8Array): Promise<string> {
  const payload = encodeReceiptPayload(c, kid);
  return receiptText(payload, await signAsync(payload, secret));
}

/** The receipt's bytes with one bit of byte `i` flipped, as text again. */
function flipped(text: string, i: number): string {
  const bytes = base45Decode(text.slice(RECEIPT_TEXT_PREFIX.length))!;
  bytes[i]! ^= 0x01;
  return RECEIPT_TEXT_PREFIX + base45Encode(bytes);
}

describe("receipt round trip", () => {
  it("when a receipt is signed and verified with the published key, then the same claims come back", async () => {
    const text = await signed(claims, "k1", secretA);
    expect(text.startsWith("KB1:")).toBe(true);
    expect(text).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    expect(await verifyReceipt(text, await keySet(await publicKeyEntry("k1", secretA)), DURING)).toEqual({ ok: true, claims, kid: "k1" });
    expect(decodeReceipt(text)).toMatchObject({ ok: true, claims, kid: "k1" });
  });

  it("when the direction is out_of and the code starts with zeros, then both survive", async () => {
    const c = { ...claims, direction: "out_of" as const, code: "0000000007" };
    const result = await verifyReceipt(await signed(c, "k1", secretA), await keySet(await publicKeyEntry("k1", secretA)), DURING);
    expect(result).toEqual({ ok: true, claims: c, kid: "k1" });
  });

  it("when a scanner adds a trailing newline, then the receipt still verifies", async () => {
    const text = await signed(claims, "k1", secretA);
    expect((await verifyReceipt(`${text}\r\n`, await keySet(await publicKeyEntry("k1", secretA)), DURING)).ok).toBe(true);
  });

  it("when claims are not valid, then nothing is encoded", () => {
    expect(() => encodeReceiptPayload({ ...claims, code: "123" }, "k1")).toThrow();
    expect(() => encodeReceiptPayload({ ...claims, holderName: "Nguyễn" }, "k1")).toThrow();
    expect(() => encodeReceiptPayload({ ...claims, expiresAt: claims.issuedAt }, "k1")).toThrow();
    expect(() => encodeReceiptPayload(claims, "a key id that is far too long")).toThrow();
  });
});

describe("receipt tampering", () => {
  it("when any single byte of the claims or signature is changed, then verification fails", async () => {
    const text = await signed(claims, "k1", secretA);
    const keys = await keySet(await publicKeyEntry("k1", secretA));
    const total = base45Decode(text.slice(4))!.length;
    const kidBytes = new Set([16, 17]); // offset 15 is the kid's length, 16-17 "k1"
    for (let i = 0; i < total; i++) {
      const result = await verifyReceipt(flipped(text, i), keys, DURING);
      expect(result.ok, `byte ${i}`).toBe(false);
      const allowed = kidBytes.has(i) ? ["receipt.unknown_key", "receipt.invalid"] : ["receipt.bad_signature", "receipt.invalid"];
      expect(allowed, `byte ${i}`).toContain(!result.ok && result.code);
      if (i >= total - 64) expect(result, `signature byte ${i}`).toEqual({ ok: false, code: "receipt.bad_signature" });
    }
  });

  it("when the name is edited in the text, then the signature no longer matches", async () => {
    const text = await signed(claims, "k1", secretA);
    const bytes = base45Decode(text.slice(4))!;
    const at = bytes.findIndex((_, i) => String.fromCharCode(...bytes.subarray(i, i + 6)) === "NGUYEN");
    bytes.set(Uint8Array.from("TRUONG", (c) => c.charCodeAt(0)), at);
    const forged = `KB1:${base45Encode(bytes)}`;
    expect(decodeReceipt(forged)).toMatchObject({ ok: true, claims: { holderName: "TRUONG V** A*" } });
    expect(await verifyReceipt(forged, await keySet(await publicKeyEntry("k1", secretA)), DURING)).toEqual({ ok: false, code: "receipt.bad_signature" });
  });

  it("when signed with another key under the same kid, then it is a bad signature", async () => {
    const text = await signed(claims, "k1", secretB);
    expect(await verifyReceipt(text, await keySet(await publicKeyEntry("k1", secretA)), DURING)).toEqual({ ok: false, code: "receipt.bad_signature" });
  });

  it.each([
    ["", "empty"],
    ["HC1:6BF+70790T9WJWG.FKY*4GO0", "another scheme's prefix"],
    ["KB1:", "no payload"],
    ["kb1:BB8", "lower-case prefix"],
    ["KB1:BB8A", "bad Base45"],
    [`KB1:${"0".repeat(500)}`, "far too long"],
  ])("when the text is %j (%s), then it is receipt.invalid", async (text) => {
    expect(decodeReceipt(text)).toEqual({ ok: false, code: "receipt.invalid" });
    expect(await verifyReceipt(text, await keySet(await publicKeyEntry("k1", secretA)), DURING)).toEqual({ ok: false, code: "receipt.invalid" });
  });

  it("when bytes are appended after a valid receipt, then it is receipt.invalid or a bad signature", async () => {
    const text = await signed(claims, "k1", secretA);
    const bytes = base45Decode(text.slice(4))!;
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    const result = await verifyReceipt(`KB1:${base45Encode(longer)}`, await keySet(await publicKeyEntry("k1", secretA)), DURING);
    expect(result.ok).toBe(false);
  });
});

describe("receipt keys and time", () => {
  it("when the kid is not in the key set, then it is receipt.unknown_key without claims", async () => {
    const text = await signed(claims, "k9", secretA);
    expect(await verifyReceipt(text, await keySet(await publicKeyEntry("k1", secretA)), DURING)).toEqual({ ok: false, code: "receipt.unknown_key" });
  });

  it("when a genuine receipt is past its expiry, then it is receipt.expired with its claims", async () => {
    const text = await signed(claims, "k1", secretA);
    const keys = await keySet(await publicKeyEntry("k1", secretA));
    const justBefore = new Date(claims.expiresAt * 1000 - 1);
    expect((await verifyReceipt(text, keys, justBefore)).ok).toBe(true);
    expect(await verifyReceipt(text, keys, new Date(claims.expiresAt * 1000))).toEqual({ ok: false, code: "receipt.expired", claims, kid: "k1" });
  });

  it("when a forged receipt is also expired, then it is a bad signature, not expired", async () => {
    const text = await signed(claims, "k1", secretB);
    const after = new Date((claims.expiresAt + 10) * 1000);
    expect(await verifyReceipt(text, await keySet(await publicKeyEntry("k1", secretA)), after)).toEqual({ ok: false, code: "receipt.bad_signature" });
  });

  it("when keys rotate, then receipts signed with the retired key still verify beside new ones", async () => {
    const old = await signed(claims, "k1", secretA);
    const fresh = await signed({ ...claims, code: "1111111111" }, "k2", secretB);
    const rotated = await keySet(await publicKeyEntry("k2", secretB), await publicKeyEntry("k1", secretA, "retired"));
    expect(await verifyReceipt(old, rotated, DURING)).toMatchObject({ ok: true, kid: "k1" });
    expect(await verifyReceipt(fresh, rotated, DURING)).toMatchObject({ ok: true, kid: "k2" });
  });

  it("when a key has notAfter, then receipts claiming a later issue time are not trusted with it", async () => {
    const entry = { ...(await publicKeyEntry("k1", secretA, "retired")), notAfter: "2026-11-28T00:00:00Z" };
    const keys = await keySet(entry);
    expect(await verifyReceipt(await signed(claims, "k1", secretA), keys, DURING)).toEqual({ ok: false, code: "receipt.unknown_key" });
    const earlier = { ...claims, issuedAt: ISSUED - 86400 };
    expect((await verifyReceipt(await signed(earlier, "k1", secretA), keys, DURING)).ok).toBe(true);
  });

  it("when a key set has a malformed key or duplicate kids, then the schema refuses it", async () => {
    const good = await publicKeyEntry("k1", secretA);
    const parse = (keys: unknown[]) => receiptKeySetSchema.safeParse({ issuer: "x", updatedAt: "2026-11-28T00:00:00Z", keys }).success;
    expect(parse([good])).toBe(true);
    expect(parse([{ ...good, publicKey: good.publicKey.slice(1) }])).toBe(false);
    expect(parse([{ ...good, publicKey: `${good.publicKey}=` }])).toBe(false);
    expect(parse([good, good])).toBe(false);
    expect(parse([])).toBe(false);
  });
});
