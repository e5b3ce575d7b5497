import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Encoder, Tag } from "cbor-x";
import { zlibSync } from "fflate";
import { base45Encode, BASE45_ALPHABET } from "../receipts/base45";
import { base64Decode } from "./bytes";
import { HC1_FAILURE_STEPS, type VerifyResult } from "./result";
import type { TrustEntry } from "./schema";
import { verifyHc1 } from "./verify";

// Whatever a camera or a paste hands us, verification answers with a failing step: it never
// throws, never hangs and never calls garbage valid. Layers are built up so the random input
// reaches every step: raw text, Base45, zlib, CBOR, COSE with a trusted kid, CWT claims.

/** A trusted P-256 key (the development signer's), so random COSE with its kid reaches the signature check. */
const TRUSTED: TrustEntry = {
  kid: "xKpEnFhQ57Y=",
  alg: "ES256",
  spki: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAElUWwjFeCZM27keH76YYtx9CvNB97xn+/U9jtFSFS++4/Gxm+9bg5wpyBomhW7sTZ6UjW4XwDywET+lHIbHtagQ==",
  notBefore: "2020-01-01T00:00:00Z",
  notAfter: "2040-01-01T00:00:00Z",
};
const KID = base64Decode(TRUSTED.kid)!;
const NOW = new Date("2027-06-01T00:00:00Z");
// Six properties: 12,000 cases, over the 10,000 issue #8 asks of the verifier, in about two seconds.
const RUNS = 2_000;

const cbor = new Encoder({ useRecords: false, mapsAsObjects: false });
const hc1 = (bytes: Uint8Array) => `HC1:${base45Encode(zlibSync(bytes))}`;
const encode = (value: unknown): Uint8Array | undefined => {
  try {
    return new Uint8Array(cbor.encode(value));
  } catch {
    return undefined;
  }
};

async function expectFailingStep(text: string): Promise<VerifyResult> {
  const result = await verifyHc1(text, { trust: [TRUSTED], now: NOW });
  expect(result.valid).toBe(false);
  if (!result.valid) expect(HC1_FAILURE_STEPS).toContain(result.step);
  return result;
}

const cborValue = fc.oneof(fc.anything({ maxDepth: 3 }), fc.uint8Array({ maxLength: 64 }), fc.integer(), fc.string());
const claims = fc.record({
  iss: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
  exp: fc.oneof(fc.integer(), fc.double(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n })),
  iat: fc.oneof(fc.integer(), fc.constant(1_800_000_000)),
  hcert: fc.oneof(cborValue, fc.dictionary(fc.string({ maxLength: 4 }), cborValue, { maxKeys: 5 })),
});

describe("verifyHc1 on arbitrary input (fast-check)", () => {
  it("when given any string, then it returns a failing step", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), async (s) => void (await expectFailingStep(s))), { numRuns: RUNS });
  });

  it("when given HC1: and Base45 characters, then it returns a failing step", async () => {
    const base45 = fc.string({ unit: fc.constantFrom(...BASE45_ALPHABET), maxLength: 400 });
    await fc.assert(fc.asyncProperty(base45, async (s) => void (await expectFailingStep(`HC1:${s}`))), { numRuns: RUNS });
  });

  it("when given arbitrary bytes, raw or zlib-compressed, then it returns a failing step", async () => {
    const bytes = fc.uint8Array({ maxLength: 400 });
    await fc.assert(fc.asyncProperty(bytes, async (b) => void (await expectFailingStep(`HC1:${base45Encode(b)}`))), { numRuns: RUNS });
    await fc.assert(fc.asyncProperty(bytes, async (b) => void (await expectFailingStep(hc1(b)))), { numRuns: RUNS });
  });

  it("when given arbitrary CBOR, then it returns a failing step", async () => {
    await fc.assert(
      fc.asyncProperty(cborValue, async (value) => {
        const bytes = encode(value);
        if (bytes) await expectFailingStep(hc1(bytes));
      }),
      { numRuns: RUNS },
    );
  });

  it("when given a COSE_Sign1 with a trusted kid and arbitrary claims and signature, then it is never valid", async () => {
    await fc.assert(
      fc.asyncProperty(claims, fc.uint8Array({ minLength: 0, maxLength: 80 }), fc.boolean(), async (c, signature, tagged) => {
        const protectedBytes = encode(new Map<number, unknown>([[1, -7], [4, Buffer.from(KID)]]));
        const payload = encode(new Map<number, unknown>([[1, c.iss], [4, c.exp], [6, c.iat], [-260, new Map([[1, c.hcert]])]]));
        if (!protectedBytes || !payload) return;
        const sign1 = [Buffer.from(protectedBytes), new Map(), Buffer.from(payload), Buffer.from(signature)];
        const bytes = encode(tagged ? new Tag(sign1, 18) : sign1);
        if (bytes) await expectFailingStep(hc1(bytes));
      }),
      { numRuns: RUNS },
    );
  });
});
