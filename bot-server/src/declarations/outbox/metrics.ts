import { Counter, Gauge, type Registry } from "prom-client";
import type { OutboxRepository } from "./repository";

export interface OutboxMetrics {
  forwarded(): void;
  rejected(): void;
  dead(): void;
  failedAttempt(): void;
}

/**
 * Outbox metrics on the server's registry. The backlog is read from the database at scrape time,
 * so every instance reports the same shared number (take max, not sum, across instances).
 */
export function createOutboxMetrics(registry: Registry, outbox: OutboxRepository): OutboxMetrics {
  new Gauge({
    name: "khaibao_declaration_outbox_rows",
    help: "Declaration outbox rows by state (pending = backlog still to forward; dead = needs staff)",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const counts = await outbox.countByState();
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    },
  });
  const outcome = (name: string, help: string) => new Counter({ name, help, registers: [registry] });
  const forwarded = outcome("khaibao_declarations_forwarded_total", "Declarations the backend accepted (including duplicates it already had)");
  const rejected = outcome("khaibao_declarations_rejected_total", "Declarations the backend refused (4xx); never retried");
  const dead = outcome("khaibao_declaration_outbox_dead_total", "Declarations that ran out of attempts and went to the dead-letter list");
  const failed = outcome("khaibao_declaration_outbox_failed_attempts_total", "Forwarding attempts that failed and will be retried");
  return {
    forwarded: () => forwarded.inc(),
    rejected: () => rejected.inc(),
    dead: () => dead.inc(),
    failedAttempt: () => failed.inc(),
  };
}

export const noOutboxMetrics: OutboxMetrics = { forwarded() {}, rejected() {}, dead() {}, failedAttempt() {} };
