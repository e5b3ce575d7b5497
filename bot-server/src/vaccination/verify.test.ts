import { describe, expect, it } from "vitest";
import { verifyHc1, type TrustEntry } from "@khaibao/shared";
import {
  DAY_MS,
  devKey,
  devTrust,
  DURING,
  editCose,
  EXPIRES,
  flipSignatureByte,
  issue,
  ISSUED,
  rsaKey,
  rsaTrust,
  sampleCertificate,
} from "./testing/hc1";

const trust = () => [devTrust()];

// The steps before any signature (zlib, COSE, CBOR) are tested with hand-made bytes in
// shared/src/vaccination/decode.test.ts; these need certificates signed by a real key.
describe("verifyHc1: the failing step of each broken QR", () => {
  it("when the certificate is genuine and current, then it is valid with its facts and certificate", async () => {
    const result = await verifyHc1(issue(), { trust: trust(), now: DURING });
    expect(result).toMatchObject({ valid: true, kid: devTrust().kid, issuer: "VN", issuedAt: ISSUED.toISOString(), expiresAt: EXPIRES.toISOString() });
    expect(result.valid && result.certificate.v?.[0]?.ci).toBe("URN:UVCI:01:VN:KHB0000000001");
  });

  it("when the text does not start with HC1:, then the step is prefix", async () => {
    expect(await verifyHc1("hc1:" + issue().slice(4), { trust: trust(), now: DURING })).toEqual({ valid: false, step: "prefix" });
    expect(await verifyHc1("https://example.vn", { trust: trust(), now: DURING })).toEqual({ valid: false, step: "prefix" });
  });

  it("when a character outside Base45 is in it, then the step is base45", async () => {
    expect(await verifyHc1(`${issue().slice(0, 20)}a${issue().slice(21)}`, { trust: trust(), now: DURING })).toMatchObject({ step: "base45" });
  });

  it("when the signed certificate breaks the schema, then the step is schema (after the signature is checked)", async () => {
    const bad = { ...sampleCertificate(), v: [{ ...sampleCertificate().v![0]!, dn: 0 }] };
    expect(await verifyHc1(issue({ certificate: bad }), { trust: trust(), now: DURING })).toMatchObject({ valid: false, step: "schema", kid: devTrust().kid });
    const twoKinds = { ...sampleCertificate(), t: [{ tg: "840539006", co: "VN", is: "x", ci: "y" }] };
    expect(await verifyHc1(issue({ certificate: twoKinds }), { trust: trust(), now: DURING })).toMatchObject({ step: "schema" });
  });

  it("when no trusted certificate has the kid, then the step is unknown_kid", async () => {
    expect(await verifyHc1(issue(), { trust: [], now: DURING })).toEqual({ valid: false, step: "unknown_kid" });
    expect(await verifyHc1(issue(), { trust: [rsaTrust()], now: DURING })).toEqual({ valid: false, step: "unknown_kid" });
  });

  it("when one byte of the signature is flipped, then the step is bad_signature and nothing of the content is shown", async () => {
    expect(await verifyHc1(flipSignatureByte(issue()), { trust: trust(), now: DURING })).toEqual({ valid: false, step: "bad_signature" });
  });

  it("when the payload is changed after signing, then the step is bad_signature", async () => {
    const other = issue({ certificate: { ...sampleCertificate(), dob: "1991-05-12" } });
    let otherPayload: Uint8Array | undefined;
    editCose(other, (p) => (otherPayload = p.unsigned.payloadBytes));
    const swapped = editCose(issue(), (p) => (p.unsigned.payloadBytes = otherPayload!));
    expect(await verifyHc1(swapped, { trust: trust(), now: DURING })).toMatchObject({ step: "bad_signature" });
  });

  it("when the clock is past exp, then the step is expired and the genuine certificate is still shown", async () => {
    const result = await verifyHc1(issue(), { trust: trust(), now: new Date(EXPIRES.getTime() + 1000) });
    expect(result).toMatchObject({ valid: false, step: "expired", expiresAt: EXPIRES.toISOString() });
    expect(result.certificate?.nam.fnt).toBe("NGUYEN");
  });

  it("when iat is ahead of the clock by more than the allowed skew, then the step is not_yet_valid", async () => {
    expect(await verifyHc1(issue(), { trust: trust(), now: new Date(ISSUED.getTime() - 60 * 60 * 1000) })).toMatchObject({ step: "not_yet_valid" });
    expect(await verifyHc1(issue(), { trust: trust(), now: new Date(ISSUED.getTime() - 60 * 1000) })).toMatchObject({ valid: true });
  });

  it("when the signer certificate is expired now, or was not valid when it signed, then the step is signer_expired", async () => {
    const lapsed: TrustEntry = { ...devTrust(), notAfter: new Date(DURING.getTime() - DAY_MS).toISOString() };
    expect(await verifyHc1(issue(), { trust: [lapsed], now: DURING })).toMatchObject({ valid: false, step: "signer_expired" });
    const later: TrustEntry = { ...devTrust(), notBefore: new Date(ISSUED.getTime() + DAY_MS).toISOString() };
    expect(await verifyHc1(issue(), { trust: [later], now: DURING })).toMatchObject({ step: "signer_expired" });
  });
});

describe("verifyHc1: signers", () => {
  it("when signed with PS256 (RSA-PSS, SHA-256, 32-byte salt), then it verifies with the RSA signer's certificate", async () => {
    const text = issue({ key: rsaKey() });
    expect(await verifyHc1(text, { trust: [rsaTrust()], now: DURING })).toMatchObject({ valid: true, kid: rsaTrust().kid });
    expect(await verifyHc1(flipSignatureByte(text, 100), { trust: [rsaTrust()], now: DURING })).toMatchObject({ step: "bad_signature" });
  });

  it("when the kid is only in the unprotected header, then it is still found and verified", async () => {
    const text = issue({ kidIn: "unprotected" });
    expect(await verifyHc1(text, { trust: trust(), now: DURING })).toMatchObject({ valid: true, kid: devTrust().kid });
    expect(await verifyHc1(issue({ key: rsaKey(), kidIn: "unprotected" }), { trust: [rsaTrust()], now: DURING })).toMatchObject({ valid: true });
  });

  it("when several trusted certificates share the kid, then every one is tried, in any order", async () => {
    // Same kid, another key: a collision (or a renewed certificate) must not hide the right one.
    const impostor: TrustEntry = { ...rsaTrust(), kid: devTrust().kid, alg: "ES256", spki: (await otherEcSpki()) };
    for (const list of [[impostor, devTrust()], [devTrust(), impostor]]) {
      expect(await verifyHc1(issue(), { trust: list, now: DURING })).toMatchObject({ valid: true });
    }
    expect(await verifyHc1(issue(), { trust: [impostor], now: DURING })).toMatchObject({ step: "bad_signature" });
  });

  it("when the same key is trusted twice, one lapsed and one current, then the current one decides", async () => {
    const lapsed: TrustEntry = { ...devTrust(), notAfter: new Date(DURING.getTime() - DAY_MS).toISOString() };
    expect(await verifyHc1(issue(), { trust: [lapsed, devTrust()], now: DURING })).toMatchObject({ valid: true });
  });

  it("when a trust entry holds garbage instead of a key, then it is skipped, not a crash", async () => {
    const broken: TrustEntry = { ...devTrust(), spki: "AAAA" };
    expect(await verifyHc1(issue(), { trust: [broken], now: DURING })).toMatchObject({ step: "bad_signature" });
    expect(await verifyHc1(issue(), { trust: [broken, devTrust()], now: DURING })).toMatchObject({ valid: true });
  });

  it("the development signer signs ES256", () => {
    expect(devKey().alg).toBe("ES256");
    expect(devTrust().alg).toBe("ES256");
  });
});

async function otherEcSpki(): Promise<string> {
  const { generateKeyPairSync } = await import("node:crypto");
  const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return publicKey.export({ type: "spki", format: "der" }).toString("base64");
}
