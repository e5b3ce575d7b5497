import {
  forwardingListResponseSchema,
  forwardingRetryResponseSchema,
  type ForwardingListResponse,
  type ForwardingProblemState,
  type ForwardingRetryRequest,
  type ForwardingRetryResponse,
} from "@khaibao/shared";
import { request } from "../../lib/api";

export const PAGE_SIZE = 100;

export function listProblems(state: ForwardingProblemState, before?: string): Promise<ForwardingListResponse> {
  const query = new URLSearchParams({ state, limit: String(PAGE_SIZE), ...(before ? { before } : {}) });
  return request(`/api/staff/forwarding?${query.toString()}`, { schema: forwardingListResponseSchema });
}

export function retryDeclarations(input: ForwardingRetryRequest): Promise<ForwardingRetryResponse> {
  return request("/api/staff/forwarding/retry", { method: "POST", body: input, schema: forwardingRetryResponseSchema });
}
