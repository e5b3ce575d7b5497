import { generateKeyPairSync } from "node:crypto";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { maskHolderName, RECEIPT_LIMITS, verifyReceipt, type ReceiptClaims } from "@khaibao/shared";
import { receiptQrDataUrl, receiptQrPng, receiptQrSvg, receiptQrVersion } from "./qr";
import { createReceiptSigner } from "./signer";

const newKey = () => generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");

/** The longest receipt the schema allows: every string at its limit, the largest numbers. */
const worstCase: ReceiptClaims = {
  code: "9999999999",
  checkpointId: `HCM-${"QUOCLO1A".repeat(5)}`,
  direction: "out_of",
  issuedAt: 0xffff_fff0,
  expiresAt: 0xffff_ffff,
  holderName: "W".repeat(RECEIPT_LIMITS.holderName),
  holderId: "*".repeat(RECEIPT_LIMITS.holderId),
};

function decodePng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe("receipt QR codes", () => {
  it("when every field is at its longest, then the QR is version 10 or below at level M", async () => {
    expect(worstCase.checkpointId).toHaveLength(RECEIPT_LIMITS.checkpointId);
    const versions: number[] = [];
    for (let i = 0; i < 5; i++) {
      const signer = await createReceiptSigner({ keys: `${"K".repeat(RECEIPT_LIMITS.kid - 1)}${i}:${newKey()}`, allowDevKey: false, issuer: "x" });
      const text = signer.sign(worstCase);
      expect(text.length).toBe(297);
      expect(QRCode.create(text, { errorCorrectionLevel: "M" }).version).toBeLessThanOrEqual(10);
      versions.push(receiptQrVersion(text));
    }
    expect(Math.max(...versions)).toBe(10);
  });

  it("when a typical receipt is rendered, then it needs a version 8 QR", async () => {
    const signer = await createReceiptSigner({ keys: `2026a:${newKey()}`, allowDevKey: false, issuer: "x" });
    const text = signer.sign({ ...worstCase, checkpointId: "HN-PHAPVAN", holderName: maskHolderName("Nguyễn Văn An"), holderId: "***456", issuedAt: 1_790_000_000, expiresAt: 1_790_259_200 });
    expect(text.length).toBe(180);
    expect(receiptQrVersion(text)).toBe(8);
  });

  it("when the QR is rendered to PNG and scanned, then the same text comes back and still verifies", async () => {
    const signer = await createReceiptSigner({ keys: `k1:${newKey()}`, allowDevKey: false, issuer: "x" });
    const text = signer.sign(worstCase);
    const scanned = decodePng(await receiptQrPng(text));
    expect(scanned).toBe(text);
    const fromDataUrl = decodePng(Buffer.from((await receiptQrDataUrl(text)).replace(/^data:image\/png;base64,/, ""), "base64"));
    expect(fromDataUrl).toBe(text);
    expect(await verifyReceipt(scanned!, signer.keySet(), new Date(0xffff_fff1 * 1000))).toMatchObject({ ok: true, claims: worstCase });
  });

  it("when rendered as SVG, then it is a standalone SVG document", async () => {
    const svg = await receiptQrSvg("KB1:TEST");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
