import { describe, expect, it } from "vitest";
import { Encoder, Tag } from "cbor-x";
import { zlibSync } from "fflate";
import { base45Encode } from "../receipts/base45";
import { decodeHc1 } from "./decode";
import { packHc1, prepareHc1 } from "./encode";

// The steps before any key is involved, with hand-made bytes. Signed certificates and the later
// steps are tested where a private key can sign (bot-server/src/vaccination/verify.test.ts).

const cbor = new Encoder({ useRecords: false, mapsAsObjects: false });
const bytes = (value: unknown) => new Uint8Array(cbor.encode(value));
const hc1 = (b: Uint8Array) => `HC1:${base45Encode(zlibSync(b))}`;
const KID = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
const certificate = { ver: "1.3.0", nam: { fnt: "NGUYEN", gnt: "VAN<AN" }, dob: "1990-05-12", v: [{ tg: "840539006", vp: "J07BX03", mp: "BBIBP-CorV", ma: "ORG-100020693", dn: 1, sd: 2, dt: "2021-08-01", co: "VN", is: "MoH", ci: "URN:UVCI:01:VN:1" }] };
const claims = { certificate, issuer: "VN", issuedAt: new Date("2027-01-01T00:00:00Z"), expiresAt: new Date("2028-01-01T00:00:00Z") };
const sign1 = (protectedBytes: Uint8Array, unprotected: Map<number, unknown>, payload: Uint8Array, signature = new Uint8Array(64)) =>
  new Tag([protectedBytes, unprotected, payload, signature], 18);

describe("decodeHc1", () => {
  it("when a text is packed, then it decodes back to the same header, claims and certificate", () => {
    const text = packHc1(prepareHc1(claims, { alg: "ES256", kid: KID }), new Uint8Array(64).fill(7));
    const d = decodeHc1(text);
    expect(d).toMatchObject({ ok: true, alg: "ES256", kid: "AQIDBAUGBwg=", issuer: "VN", issuedAt: 1798761600, expiresAt: 1830297600, certificate });
    // A trailing line end from a scanner or a paste is not part of the code.
    expect(decodeHc1(`${text}\r\n`)).toMatchObject({ ok: true });
    expect(decodeHc1(packHc1(prepareHc1(claims, { alg: "PS256", kid: KID }, "unprotected"), new Uint8Array(256)))).toMatchObject({ ok: true, alg: "PS256", kid: "AQIDBAUGBwg=" });
  });

  it("when the bytes are not zlib, or the zlib stream is cut off or its checksum wrong, then the step is zlib", () => {
    const full = zlibSync(bytes(sign1(bytes(new Map([[1, -7]])), new Map(), bytes(new Map()))));
    const wrongChecksum = full.slice();
    wrongChecksum[wrongChecksum.length - 1]! ^= 1;
    for (const b of [new Uint8Array([1, 2, 3, 4, 5]), full.subarray(0, full.length - 6), wrongChecksum, new Uint8Array([0x78, 0xda, 1, 2, 3])]) {
      expect(decodeHc1(`HC1:${base45Encode(b)}`)).toEqual({ ok: false, step: "zlib" });
    }
  });

  it("when the inflated bytes are not a COSE_Sign1, then the step is cose", () => {
    const alg = bytes(new Map([[1, -7]]));
    for (const b of [
      bytes([1, 2, 3]),
      bytes("text"),
      new Uint8Array([0xff, 0x00]),
      bytes(new Tag([alg, new Map(), bytes(new Map())], 18)), // three elements
      bytes(sign1(alg, new Map(), bytes(new Map())).value.map((v: unknown, i: number) => (i === 2 ? "not bytes" : v))),
      bytes(sign1(bytes(new Map([[1, -8]])), new Map(), bytes(new Map()))), // EdDSA: not allowed in the DCC
      bytes(sign1(bytes([1]), new Map(), bytes(new Map()))), // protected header is not a map
      bytes(sign1(alg, new Map([[4, "kid as text"]]), bytes(new Map()))),
    ]) {
      expect(decodeHc1(hc1(b))).toEqual({ ok: false, step: "cose" });
    }
  });

  it("when the payload is not a CWT carrying a certificate, then the step is cbor", () => {
    const alg = bytes(new Map<number, unknown>([[1, -7], [4, KID]]));
    const cwt = (entries: Array<[number, unknown]>) => hc1(bytes(sign1(alg, new Map(), bytes(new Map(entries)))));
    const hcert: [number, unknown] = [-260, new Map([[1, certificate]])];
    for (const text of [
      cwt([[1, "VN"], [4, 1830297600], [6, 1798761600]]), // no hcert
      cwt([[1, "VN"], [6, 1798761600], hcert]), // no exp
      cwt([[1, "VN"], [4, "2028"], [6, 1798761600], hcert]), // exp not a number
      cwt([[1, 84], [4, 1830297600], [6, 1798761600], hcert]), // iss not text
      cwt([[1, "VN"], [4, 1e15], [6, 1798761600], hcert]), // beyond any date
      cwt([[1, "VN"], [4, 1830297600], [6, 1798761600], [-260, new Map([[1, new Map([[1, "integer key"]])]])]]),
      hc1(bytes(sign1(alg, new Map(), new Uint8Array([0xff])))),
    ]) {
      expect(decodeHc1(text)).toEqual({ ok: false, step: "cbor" });
    }
  });

  it("when the certificate does not fit the schema, then it still decodes, without a certificate (verify says schema)", () => {
    const d = decodeHc1(packHc1(prepareHc1({ ...claims, certificate: { ...certificate, dob: "12/05/1990" } }, { alg: "ES256", kid: KID }), new Uint8Array(64)));
    expect(d).toMatchObject({ ok: true, certificate: undefined, raw: { dob: "12/05/1990" } });
  });
});
