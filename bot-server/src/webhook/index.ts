// The Zalo OA webhook: receiver (verify, parse, durable inbox), worker and the event pipeline.
// The composition is in ../zalo/oa/module.ts; see README.md here for the flow and the seams.
export { createWebhookIngest, type WebhookIngest, type WebhookDelivery, type IngestOutcome } from "./ingest";
export { zaloWebhookRouter, zaloWebhookDirect, WEBHOOK_BODY_LIMIT, WEBHOOK_PATH } from "./router";
export { SignatureValidationFailed, WebhookPayloadInvalid, type SignatureFailureReason } from "./errors";
export { SIGNATURE_HEADER, zaloEventSignature, zaloSignatureHeader } from "./signature";
export { parseWebhookJson } from "./json";
export { InboxRepository, type FailedEvent } from "./inbox/repository";
export { compose, DeferEvent, type EventContext, type Middleware, type Next } from "./pipeline/context";
export { createEventProcessor, type EventProcessor, type ProcessOutcome } from "./pipeline/processor";
