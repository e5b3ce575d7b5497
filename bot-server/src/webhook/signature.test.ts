import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseWebhookJson } from "./json";
import { parseSignatureHeader, signatureMatches, zaloEventSignature, zaloSignatureHeader } from "./signature";

const input = { appId: "360846524940903967", rawBody: '{"event_name":"user_send_text","timestamp":"1764316800000"}', timestamp: "1764316800000", oaSecretKey: "secret" };

describe("Zalo event signature", () => {
  it("is sha256_hex(appId + rawBody + timestamp + oaSecretKey), a plain hash, not an HMAC", () => {
    const expected = createHash("sha256").update(`${input.appId}${input.rawBody}${input.timestamp}${input.oaSecretKey}`, "utf8").digest("hex");
    expect(zaloEventSignature(input)).toBe(expected);
    expect(zaloSignatureHeader(input)).toBe(`mac=${expected}`);
  });

  it("hashes the raw bytes, including multi-byte UTF-8, the same as the text", () => {
    const body = '{"text":"Xin chào 👋"}';
    expect(zaloEventSignature({ ...input, rawBody: Buffer.from(body, "utf8") })).toBe(zaloEventSignature({ ...input, rawBody: body }));
  });

  it("accepts mac=<64 hex> (any case, spaces around =), nothing else", () => {
    const hex = zaloEventSignature(input);
    expect(parseSignatureHeader(`mac=${hex}`)?.toString("hex")).toBe(hex);
    expect(parseSignatureHeader(`mac = ${hex.toUpperCase()}`)?.toString("hex")).toBe(hex);
    for (const bad of [undefined, "", hex, `mac=${hex.slice(1)}`, `mac=${hex}00`, `sha256=${hex}`, `mac=${"z".repeat(64)}`, "x".repeat(500)]) {
      expect(parseSignatureHeader(bad)).toBeUndefined();
    }
  });

  it("matches only the exact body, timestamp, app and key", () => {
    const given = parseSignatureHeader(zaloSignatureHeader(input));
    if (!given) throw new Error("parse");
    expect(signatureMatches(given, input)).toBe(true);
    expect(signatureMatches(given, { ...input, rawBody: `${input.rawBody} ` })).toBe(false);
    expect(signatureMatches(given, { ...input, timestamp: "1764316800001" })).toBe(false);
    expect(signatureMatches(given, { ...input, appId: "1" })).toBe(false);
    expect(signatureMatches(given, { ...input, oaSecretKey: "secreT" })).toBe(false);
  });
});

describe("parseWebhookJson", () => {
  it("keeps an unquoted id above 2^53 exact and leaves quoted ones and small numbers alone", () => {
    expect(parseWebhookJson('{"sender":{"id":2468458835296197922},"n":5,"s":"2468458835296197922"}')).toEqual({ sender: { id: "2468458835296197922" }, n: 5, s: "2468458835296197922" });
    expect(parseWebhookJson('{"ids":[ 12345678901234567890 ,1]}')).toEqual({ ids: ["12345678901234567890", 1] });
    expect(parseWebhookJson('{"timestamp":1764316800000}')).toEqual({ timestamp: 1764316800000 });
  });
});
