import { isUtf8 } from "node:buffer";
import { isKnownZaloEventName, parseWith, zaloEventFacts, zaloEventSchema } from "@khaibao/shared";
import { SignatureValidationFailed, WebhookPayloadInvalid } from "./errors";
import type { NewInboxEvent } from "./inbox/repository";
import { parseWebhookJson } from "./json";
import { parseSignatureHeader, signatureMatches } from "./signature";

/** One webhook request as a receiver sees it: the exact bytes and the headers that matter. */
export interface WebhookDelivery {
  rawBody: Buffer;
  /** `X-ZEvent-Signature`. */
  signature: string | undefined;
  /** Zalo's `num_retry` header on redeliveries. */
  retryNum?: number;
}

export type IngestOutcome = "stored" | "duplicate" | "ignored_unknown_event" | "ignored_other_oa" | "ignored_stale";

export interface WebhookMetrics {
  request(outcome: IngestOutcome | "rejected_signature" | "rejected_payload"): void;
  unauthorized(reason: SignatureValidationFailed["reason"]): void;
}

export interface IngestLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface WebhookIngestOptions {
  appId: string;
  oaId: string;
  oaSecretKey: string;
  inbox: { insert(event: NewInboxEvent): Promise<"stored" | "duplicate"> };
  now?: () => Date;
  /**
   * Events whose body timestamp is older than this are acknowledged and dropped (default 7 days,
   * far wider than Zalo's retry horizon of about two hours), so a replay of an old captured
   * request is not handled again even after its dedupe row is gone.
   */
  maxEventAgeMs?: number;
  /** A new event was stored: wake the inbox worker. */
  onStored?: () => void;
  metrics?: WebhookMetrics;
  logger?: IngestLogger;
}

export interface WebhookIngest {
  /**
   * Verifies, parses and durably stores one delivery; resolves when Zalo may be told 200.
   * Rejects with `SignatureValidationFailed` (401) or `WebhookPayloadInvalid` (400).
   * Events we do not handle resolve too: Zalo never gets a 4xx for a genuine event.
   */
  ingest(delivery: WebhookDelivery): Promise<IngestOutcome>;
}

const FUTURE_SKEW_MS = 24 * 3_600_000;

/**
 * The webhook's whole request path, kept lean (it must answer within Zalo's 2 s and is
 * benchmarked): one signature hash over the raw bytes, one JSON parse, one schema parse, one
 * INSERT. The stored row keeps the raw text: nothing is re-serialised.
 */
export function createWebhookIngest(opts: WebhookIngestOptions): WebhookIngest {
  if (!opts.appId || !opts.oaId || !opts.oaSecretKey) throw new Error("the Zalo webhook needs the app id, OA id and OA secret key (fail closed)");
  const now = opts.now ?? (() => new Date());
  const maxAge = opts.maxEventAgeMs ?? 7 * 24 * 3_600_000;

  const unauthorized = (reason: SignatureValidationFailed["reason"]) => {
    opts.metrics?.request("rejected_signature");
    opts.metrics?.unauthorized(reason);
    return new SignatureValidationFailed(reason);
  };
  const invalid = (error: WebhookPayloadInvalid) => {
    opts.metrics?.request("rejected_payload");
    return error;
  };
  const done = (outcome: IngestOutcome) => {
    opts.metrics?.request(outcome);
    return outcome;
  };

  return {
    async ingest(delivery) {
      // Unsigned requests are refused before their body costs a parse.
      if (delivery.signature === undefined || delivery.signature === "") throw unauthorized("missing");
      const given = parseSignatureHeader(delivery.signature);
      if (!given) throw unauthorized("malformed");

      // Invalid bytes would decode to U+FFFD: the stored text would not be the text that was signed.
      if (!isUtf8(delivery.rawBody)) throw invalid(new WebhookPayloadInvalid("not_utf8"));
      const text = delivery.rawBody.toString("utf8");
      let body: unknown;
      try {
        body = parseWebhookJson(text);
      } catch {
        throw invalid(new WebhookPayloadInvalid("bad_json"));
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalid(new WebhookPayloadInvalid("not_an_event"));
      const fields = body as Record<string, unknown>;
      const ts = fields.timestamp;
      const timestamp = typeof ts === "string" ? ts : typeof ts === "number" && Number.isSafeInteger(ts) ? String(ts) : undefined;
      if (timestamp === undefined) throw unauthorized("no_timestamp");
      if (!signatureMatches(given, { appId: opts.appId, rawBody: delivery.rawBody, timestamp, oaSecretKey: opts.oaSecretKey })) throw unauthorized("mismatch");
      // Signed with our app id, yet the body names another app: not ours, whatever it is.
      if (fields.app_id !== undefined && String(fields.app_id) !== opts.appId) throw unauthorized("app_mismatch");

      const name = fields.event_name;
      if (typeof name !== "string") throw invalid(new WebhookPayloadInvalid("not_an_event"));
      if (!isKnownZaloEventName(name)) {
        // Group chats, ZNS, reactions, calls...: acknowledged so Zalo does not retry, and logged.
        opts.logger?.info({ eventName: name.slice(0, 64) }, "Zalo event we do not handle: acknowledged");
        return done("ignored_unknown_event");
      }
      const parsed = parseWith(zaloEventSchema, body);
      if (!parsed.ok) {
        opts.logger?.warn({ eventName: name, fields: parsed.issues.map((i) => `${i.path}:${i.code}`).slice(0, 10) }, "Zalo event does not have the expected shape");
        throw invalid(new WebhookPayloadInvalid("schema", parsed.issues));
      }
      const event = parsed.data;
      const facts = zaloEventFacts(event, opts.oaId);
      if (facts.oaId !== undefined && facts.oaId !== opts.oaId) {
        // Genuine (signed by our app) but for another OA linked to the same app: not ours to answer.
        opts.logger?.warn({ eventName: name }, "Zalo event for another OA of this app: acknowledged and dropped");
        return done("ignored_other_oa");
      }
      const at = now();
      const age = at.getTime() - Number(event.timestamp);
      if (age > maxAge || age < -FUTURE_SKEW_MS) {
        opts.logger?.warn({ eventName: name, ageMs: age }, "Zalo event outside the replay window: acknowledged and dropped");
        return done("ignored_stale");
      }
      const outcome = await opts.inbox.insert({
        dedupeKey: facts.dedupeKey,
        eventName: name,
        userId: facts.userId,
        eventTimestamp: event.timestamp,
        rawBody: text,
        retryNum: delivery.retryNum ?? 0,
        receivedAt: at,
      });
      if (outcome === "stored") opts.onStored?.();
      return done(outcome);
    },
  };
}
