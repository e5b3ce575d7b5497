import { Counter, Gauge, type Registry } from "prom-client";
import type { OutboundMetrics } from "./outbox/worker";
import type { OutboundRepository } from "./outbox/repository";

/** Outbound queue and token metrics on the server's registry. Queue sizes are read at scrape time. */
export function createOaMetrics(registry: Registry, outbound: OutboundRepository): OutboundMetrics & { tokenRefresh(outcome: string): void } {
  const messages = new Counter({
    name: "khaibao_zalo_oa_messages_total",
    help: "OA message send attempts by outcome (sent, retry, failed, undeliverable) and error kind",
    labelNames: ["outcome", "kind"] as const,
    registers: [registry],
  });
  const refreshes = new Counter({
    name: "khaibao_zalo_oa_token_refreshes_total",
    help: "OA access token refreshes by outcome (ok, refused = re-authorise the OA, unavailable)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "khaibao_zalo_outbox_messages",
    help: "Outbound Zalo messages by state (queued/sending = backlog; failed/undeliverable = staff must know)",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const counts = await outbound.countByState();
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    },
  });
  return {
    outcome: (outcome, kind) => messages.inc({ outcome, kind }),
    tokenRefresh: (outcome) => refreshes.inc({ outcome }),
  };
}
