import { submitDeclarationResponseSchema, type SubmitDeclarationRequest, type SubmitDeclarationResponse } from "@khaibao/shared";
import type { ApiClient } from "../../../lib/api-client";

/**
 * POST /api/declarations with the user's Zalo token. 201 with the receipt; the same idempotency
 * key always answers with the same receipt, so the outbox may send it as often as it takes.
 */
export function submitDeclaration(client: ApiClient, request: SubmitDeclarationRequest): Promise<SubmitDeclarationResponse> {
  return client.request("/api/declarations", submitDeclarationResponseSchema, { method: "POST", body: request });
}
