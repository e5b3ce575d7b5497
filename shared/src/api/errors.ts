import { z } from "zod";
import { messages } from "../i18n/messages";
import { translate } from "../i18n/translate";
import type { Lang, MessageParams } from "../i18n/types";

/** One field that failed validation: where it is (dot path), why (stable code) and the texts. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  messages: z.object({ vi: z.string(), en: z.string() }),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** Every error answer of our HTTP API has this body, whatever the route. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messages: z.object({ vi: z.string(), en: z.string() }),
    fields: z.array(fieldErrorSchema).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A language-neutral validation problem; localise it with {@link localizeIssue}. */
export interface FieldIssue {
  path: string;
  code: string;
  params?: MessageParams;
}

function pathToString(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "symbol" ? p.description ?? "" : String(p))).join(".");
}

/**
 * Error map used for every parse: turns zod's built-in issues into our message codes. Our own
 * refinements already put a catalogue code in `message`, which zod gives precedence to.
 */
export const issueCodeMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case "invalid_type":
      return iss.input === undefined || iss.input === null ? "required" : "invalid_type";
    case "too_small":
      if (iss.origin === "string" && Number(iss.minimum) <= 1) return "required";
      return iss.origin === "string" ? "too_short" : "too_small";
    case "too_big":
      return iss.origin === "string" ? "too_long" : "too_big";
    case "invalid_format":
      return iss.format === "email" ? "email_invalid" : "invalid_format";
    case "unrecognized_keys":
      return "unknown_field";
    case "invalid_value":
    case "invalid_union":
      return "invalid_value";
    default:
      return "invalid_value";
  }
};

function paramsOf(issue: z.core.$ZodIssue): MessageParams | undefined {
  if (issue.code === "too_small") return { min: Number(issue.minimum) };
  if (issue.code === "too_big") return { max: Number(issue.maximum) };
  if (issue.code === "custom" && issue.params) return issue.params as MessageParams;
  return undefined;
}

export function zodIssuesToFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const code = issue.message in messages ? issue.message : "invalid_value";
    const params = paramsOf(issue);
    const path = pathToString(issue.path);
    return params ? { path, code, params } : { path, code };
  });
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; issues: FieldIssue[] };

/** Parses with our error map so that every issue carries a catalogue code. Used by client, server and tests. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input, { error: issueCodeMap });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, issues: zodIssuesToFieldIssues(result.error.issues) };
}

export function localizeIssue(issue: FieldIssue, lang: Lang): FieldError {
  const vi = translate(messages, issue.code, "vi", issue.params);
  const en = translate(messages, issue.code, "en", issue.params);
  return { path: issue.path, code: issue.code, message: lang === "en" ? en : vi, messages: { vi, en } };
}

export function buildErrorBody(
  code: string,
  lang: Lang,
  opts: { fields?: FieldIssue[]; params?: MessageParams; requestId?: string } = {},
): ErrorBody {
  const vi = translate(messages, code, "vi", opts.params);
  const en = translate(messages, code, "en", opts.params);
  return {
    error: {
      code,
      message: lang === "en" ? en : vi,
      messages: { vi, en },
      ...(opts.fields ? { fields: opts.fields.map((f) => localizeIssue(f, lang)) } : {}),
      ...(opts.requestId ? { requestId: opts.requestId } : {}),
    },
  };
}
