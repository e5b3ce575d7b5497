import {
  cannedAnswerListResponseSchema,
  cannedAnswerResponseSchema,
  deskListResponseSchema,
  inboxAgentsResponseSchema,
  inboxContactResponseSchema,
  inboxFaqResponseSchema,
  inboxListResponseSchema,
  inboxRevealResponseSchema,
  inboxThreadResponseSchema,
  type CannedAnswerRequest,
  type InboxListQuery,
} from "@khaibao/shared";
import { z } from "zod";
import { request } from "../../lib/api";

const base = "/api/staff/inbox";
const conv = (userId: string) => `${base}/conversations/${encodeURIComponent(userId)}`;

export function listConversations(query: InboxListQuery) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
  return request(`${base}/conversations?${params.toString()}`, { schema: inboxListResponseSchema });
}

export const getThread = (userId: string) => request(conv(userId), { schema: inboxThreadResponseSchema });
export const getContact = (userId: string) => request(`${conv(userId)}/contact`, { schema: inboxContactResponseSchema });

export const takeOver = (userId: string) => request(`${conv(userId)}/take`, { method: "POST", body: {} });
export const handBack = (userId: string) => request(`${conv(userId)}/hand-back`, { method: "POST", body: {} });
export const resolve = (userId: string) => request(`${conv(userId)}/resolve`, { method: "POST", body: {} });
export const assign = (userId: string, assigneeId: string | null) => request(`${conv(userId)}/assign`, { method: "POST", body: { assigneeId } });
export const markRead = (userId: string, read: boolean) => request(`${conv(userId)}/read`, { method: "POST", body: { read } });
export const setLabels = (userId: string, labels: string[]) => request(`${conv(userId)}/labels`, { method: "POST", body: { labels }, schema: z.object({ labels: z.array(z.string()) }) });
export const setDesk = (userId: string, deskId: string | null) => request(`${conv(userId)}/desk`, { method: "POST", body: { deskId } });
export const sendReply = (userId: string, text: string) => request(`${conv(userId)}/replies`, { method: "POST", body: { text }, schema: z.object({ outboxIds: z.array(z.number()) }) });
export const addNote = (userId: string, text: string) => request(`${conv(userId)}/notes`, { method: "POST", body: { text }, schema: z.object({ note: z.unknown() }) });
export const retryMessage = (userId: string, messageId: number) => request(`${conv(userId)}/messages/${messageId}/retry`, { method: "POST", body: {} });
export const reveal = (userId: string, declarationId: string, reason: string) =>
  request(`${conv(userId)}/reveal`, { method: "POST", body: { declarationId, reason }, schema: inboxRevealResponseSchema });

export const listCanned = (q?: string) => request(`${base}/canned${q ? `?q=${encodeURIComponent(q)}` : ""}`, { schema: cannedAnswerListResponseSchema });
export const createCanned = (input: CannedAnswerRequest) => request(`${base}/canned`, { method: "POST", body: input, schema: cannedAnswerResponseSchema });
export const updateCanned = (id: number, input: CannedAnswerRequest) => request(`${base}/canned/${id}`, { method: "PATCH", body: input, schema: cannedAnswerResponseSchema });
export const deleteCanned = (id: number) => request(`${base}/canned/${id}`, { method: "DELETE" });
export const listFaq = () => request(`${base}/faq`, { schema: inboxFaqResponseSchema });
export const listDesks = () => request(`${base}/desks`, { schema: deskListResponseSchema });
export const saveDesk = (desk: { id: string; name: string; hours: string; outOfHoursText: string | null; checkpointIds: string[] }) => request(`${base}/desks`, { method: "POST", body: desk, schema: z.object({ desk: z.unknown() }) });
export const listAgents = () => request(`${base}/agents`, { schema: inboxAgentsResponseSchema });
