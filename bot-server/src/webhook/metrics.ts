import { Counter, Gauge, type Registry } from "prom-client";
import type { InboxMetrics } from "./inbox/worker";
import type { InboxRepository } from "./inbox/repository";
import type { WebhookMetrics } from "./ingest";

/** Webhook metrics on the server's registry. The inbox backlog is read at scrape time (shared by instances: take max). */
export function createWebhookMetrics(registry: Registry, inbox: InboxRepository): WebhookMetrics & InboxMetrics {
  const requests = new Counter({
    name: "khaibao_zalo_webhook_requests_total",
    help: "Zalo webhook requests by outcome (stored, duplicate, ignored_*, rejected_signature, rejected_payload)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const unauthorized = new Counter({
    name: "khaibao_zalo_webhook_unauthorized_total",
    help: "Webhook requests refused with 401 (forged, unsigned, or for another app), by reason",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  const processed = new Counter({
    name: "khaibao_zalo_events_processed_total",
    help: "Stored Zalo events handled by the pipeline, by outcome (done, retry, failed, deferred, lost)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "khaibao_zalo_inbox_events",
    help: "Stored Zalo events by state (pending = backlog; failed = needs a look)",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const counts = await inbox.countByState();
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    },
  });
  return {
    request: (outcome) => requests.inc({ outcome }),
    unauthorized: (reason) => unauthorized.inc({ reason }),
    processed: (outcome) => processed.inc({ outcome }),
  };
}
