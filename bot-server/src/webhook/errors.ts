import type { FieldIssue } from "@khaibao/shared";
import { AppError } from "../http/errors";

/** Why a webhook request was not trusted. Each is counted; none says more than "401" to the caller. */
export type SignatureFailureReason = "missing" | "malformed" | "no_timestamp" | "mismatch" | "app_mismatch";

/**
 * The request is not provably from Zalo for our app: no or malformed `X-ZEvent-Signature`, a
 * signature that does not match the exact bytes, or a body naming another app. Answered 401.
 */
export class SignatureValidationFailed extends AppError {
  constructor(readonly reason: SignatureFailureReason) {
    super(reason === "app_mismatch" ? "zalo.webhook_app_mismatch" : "zalo.webhook_signature_invalid", 401);
    this.name = "SignatureValidationFailed";
  }
}

export type PayloadFailureReason = "bad_json" | "not_utf8" | "not_an_event" | "schema";

/** The body is not JSON, not an event object, or a known event that does not have its shape. Answered 400. */
export class WebhookPayloadInvalid extends AppError {
  constructor(
    readonly reason: PayloadFailureReason,
    fields?: FieldIssue[],
  ) {
    super("zalo.webhook_payload_invalid", 400, fields ? { fields } : {});
    this.name = "WebhookPayloadInvalid";
  }
}
