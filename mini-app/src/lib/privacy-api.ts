import {
  deletionRequestResponseSchema,
  myConsentsResponseSchema,
  type ConsentScope,
  type DeletionRequest,
  type MyConsentsResponse,
} from "@khaibao/shared";
import type { ApiClient } from "./api-client";

/**
 * The citizen's consents and deletion requests on our server (`/api/me/...`, with the Zalo
 * access token). Here rather than in a feature: the declaration form asks for the phone and
 * profile consents before prefilling, and the privacy screen lists and withdraws them.
 */
export function getConsents(client: ApiClient, signal?: AbortSignal): Promise<MyConsentsResponse> {
  return client.request("/api/me/consents", myConsentsResponseSchema, signal ? { signal } : {});
}

export function giveConsent(client: ApiClient, scope: ConsentScope, version: string): Promise<MyConsentsResponse> {
  return client.request("/api/me/consents", myConsentsResponseSchema, { method: "POST", body: { scope, version } });
}

export function withdrawConsent(client: ApiClient, scope: ConsentScope): Promise<MyConsentsResponse> {
  return client.request(`/api/me/consents/${scope}/withdraw`, myConsentsResponseSchema, { method: "POST", body: {} });
}

export async function getDeletionRequest(client: ApiClient, signal?: AbortSignal): Promise<DeletionRequest | null> {
  return (await client.request("/api/me/deletion-requests", deletionRequestResponseSchema, signal ? { signal } : {})).request;
}

export async function requestDeletion(client: ApiClient): Promise<DeletionRequest | null> {
  return (await client.request("/api/me/deletion-requests", deletionRequestResponseSchema, { method: "POST", body: {} })).request;
}
