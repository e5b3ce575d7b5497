import type { DeadRow, OutboxRepository } from "./outbox/repository";

/**
 * The dead-letter list: declarations the backend never took after every attempt. Staff look at
 * it (a later issue gives them a page) and send chosen ones again; `retry` wakes the worker so
 * they go at once, with a fresh attempt budget and the same idempotency key.
 */
export interface DeadLetters {
  list(limit?: number): Promise<DeadRow[]>;
  retryDead(declarationIds: readonly string[]): Promise<number>;
}

export function createDeadLetters(deps: { outbox: OutboxRepository; wake: () => void; now: () => Date }): DeadLetters {
  return {
    list: (limit) => deps.outbox.listDead(limit),
    async retryDead(declarationIds) {
      const moved = await deps.outbox.retryDead(declarationIds, deps.now());
      if (moved > 0) deps.wake();
      return moved;
    },
  };
}
