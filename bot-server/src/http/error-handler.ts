import type { ErrorRequestHandler, RequestHandler } from "express";
import { buildErrorBody, pickLang } from "@khaibao/shared";
import type { Logger } from "pino";
import { AppError } from "./errors";

/** body-parser marks its failures with `type`; map them to our codes rather than leaking its text. */
function fromBodyParser(err: unknown): AppError | undefined {
  if (typeof err !== "object" || err === null || !("type" in err)) return undefined;
  switch ((err as { type: unknown }).type) {
    case "entity.too.large":
      return new AppError("http.payload_too_large", 413);
    case "entity.parse.failed":
      return new AppError("http.bad_json", 400);
    case "encoding.unsupported":
    case "charset.unsupported":
      return new AppError("http.unsupported_media_type", 415);
    default:
      return undefined;
  }
}

export const routeNotFound: RequestHandler = (_req, _res, next) => next(new AppError("http.route_not_found", 404));

export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * The single place where errors become HTTP answers: our typed errors and body-parser's keep
 * their status and code, anything else is a 500 whose details stay in the log. Used by the
 * Express error handler below and by the routes served before Express (direct-routes.ts).
 */
export function errorAnswer(err: unknown, ctx: { requestId: string | undefined; acceptLanguage: string | undefined; logger: Logger }): ErrorAnswer {
  const appError = err instanceof AppError ? err : fromBodyParser(err);
  const { requestId } = ctx;
  const lang = pickLang(ctx.acceptLanguage);
  if (!appError) {
    // Only the error's name and stack: an unexpected error's message may quote input.
    ctx.logger.error({ requestId, err: { name: (err as Error)?.name, stack: (err as Error)?.stack } }, "unhandled error");
    return { status: 500, headers: {}, body: buildErrorBody("http.internal", lang, { requestId: requestId ?? "" }) };
  }
  if (appError.status >= 500) ctx.logger.error({ requestId, code: appError.code }, "request failed");
  const body = buildErrorBody(appError.code, lang, {
    ...(appError.fields ? { fields: appError.fields } : {}),
    ...(appError.params ? { params: appError.params } : {}),
    ...(requestId ? { requestId } : {}),
  });
  return { status: appError.status, headers: { ...appError.headers }, body };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const answer = errorAnswer(err, { requestId: res.locals.requestId as string | undefined, acceptLanguage: req.get("accept-language"), logger });
    for (const [k, v] of Object.entries(answer.headers)) res.setHeader(k, v);
    res.status(answer.status).json(answer.body);
  };
}
