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

/** The single place where errors become HTTP answers. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = err instanceof AppError ? err : fromBodyParser(err);
    const requestId = res.locals.requestId as string | undefined;
    const lang = pickLang(req.get("accept-language"));
    if (!appError) {
      // Only the error's name and stack: an unexpected error's message may quote input.
      logger.error({ requestId, err: { name: (err as Error)?.name, stack: (err as Error)?.stack } }, "unhandled error");
      res.status(500).json(buildErrorBody("http.internal", lang, { requestId: requestId ?? "" }));
      return;
    }
    if (appError.status >= 500) logger.error({ requestId, code: appError.code }, "request failed");
    for (const [k, v] of Object.entries(appError.headers ?? {})) res.setHeader(k, v);
    const body = buildErrorBody(appError.code, lang, {
      ...(appError.fields ? { fields: appError.fields } : {}),
      ...(appError.params ? { params: appError.params } : {}),
      ...(requestId ? { requestId } : {}),
    });
    res.status(appError.status).json(body);
  };
}
