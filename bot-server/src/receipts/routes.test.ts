import { generateKeyPairSync } from "node:crypto";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { receiptKeySetSchema } from "@khaibao/shared";
import { createApp } from "../http/app";
import { createLogger } from "../observability/logger";
import { createMetrics } from "../observability/metrics";
import { receiptKeysRouter } from "./routes";
import { createReceiptSigner } from "./signer";

const newKey = () => generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");

describe("GET /.well-known/khaibao-receipt-keys.json", () => {
  it("when another site fetches the key set, then it gets every key, cacheable and CORS-open", async () => {
    const signer = await createReceiptSigner({ keys: `k2:${newKey()},k1:${newKey()}`, allowDevKey: false, issuer: "Khaibao test" });
    const app = createApp({ logger: createLogger({ level: "silent" }), metrics: createMetrics(), ping: async () => {}, api: [], other: [["/", receiptKeysRouter(signer)]] });
    const res = await request(app).get("/.well-known/khaibao-receipt-keys.json").set("Origin", "https://verifier.example");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["cache-control"]).toBe("public, max-age=3600");
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    const keySet = receiptKeySetSchema.parse(res.body);
    expect(keySet).toEqual(signer.keySet());
    expect(keySet.keys.map((k) => k.status)).toEqual(["active", "retired"]);
    expect(JSON.stringify(res.body)).not.toMatch(/PRIVATE|"d":/);
  });
});
