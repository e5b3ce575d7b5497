import type { z } from "zod";
import { localizeIssue, parseWith, type Lang } from "@khaibao/shared";
import { ApiError } from "./api";

/** The text to show for a failed call: the server's own, or ours for a lost connection. */
export function errorText(error: unknown, lang: Lang, network: string): string {
  if (error instanceof ApiError) return error.status === 0 ? network : (error.text(lang) ?? error.code);
  return network;
}

/** Field errors by path, for forms validated by the same shared schema on the server. */
export function fieldErrors(error: unknown, lang: Lang): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fields.map((f) => [f.path, f.messages[lang]]));
}

/** Validates a form with the shared schema the server uses; the same codes and texts come back. */
export function validateForm<S extends z.ZodType>(schema: S, input: unknown, lang: Lang): { ok: true; data: z.output<S> } | { ok: false; errors: Record<string, string> } {
  const result = parseWith(schema, input);
  if (result.ok) return { ok: true, data: result.data };
  return { ok: false, errors: Object.fromEntries(result.issues.map((i) => [i.path, localizeIssue(i, lang).message])) };
}
