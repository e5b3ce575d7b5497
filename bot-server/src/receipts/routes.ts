import { Router } from "express";
import { RECEIPT_KEYS_PATH } from "@khaibao/shared";
import type { ReceiptSigner } from "./types";

/**
 * `GET /.well-known/khaibao-receipt-keys.json`: the public keys receipts verify with. Public and
 * cacheable for an hour; any origin may fetch it (police tools, other verifiers), so it is
 * mounted outside `/api` and answers with `Access-Control-Allow-Origin: *`.
 */
export function receiptKeysRouter(signer: ReceiptSigner): Router {
  const router = Router();
  router.get(RECEIPT_KEYS_PATH, (_req, res) => {
    res.set({
      "Cache-Control": "public, max-age=3600",
      "Access-Control-Allow-Origin": "*",
      // helmet's default same-origin would stop other sites embedding or fetching it no-cors.
      "Cross-Origin-Resource-Policy": "cross-origin",
    });
    res.json(signer.keySet());
  });
  return router;
}
