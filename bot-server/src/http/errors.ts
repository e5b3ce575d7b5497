import type { FieldIssue, MessageParams } from "@khaibao/shared";

/**
 * The one error type features throw for answers the client should see. `code` is a message
 * code from the shared catalogue; the error handler turns it into `{error: {code, message, ...}}`
 * with `status`. Anything that is not an AppError becomes a 500 with no details leaked.
 */
export class AppError extends Error {
  readonly fields: FieldIssue[] | undefined;
  readonly params: MessageParams | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    readonly code: string,
    readonly status: number,
    opts: { fields?: FieldIssue[]; params?: MessageParams; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(code, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "AppError";
    this.fields = opts.fields;
    this.params = opts.params;
    this.headers = opts.headers;
  }
}

export const validationFailed = (fields: FieldIssue[]) => new AppError("http.validation_failed", 400, { fields });
export const notFound = (code = "http.not_found") => new AppError(code, 404);
export const unauthorized = (code = "http.unauthorized") => new AppError(code, 401);
export const forbidden = (code = "http.forbidden") => new AppError(code, 403);
