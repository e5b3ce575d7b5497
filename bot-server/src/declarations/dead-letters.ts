import type { ForwardingCounts, ForwardingProblem, ForwardingQuery } from "@khaibao/shared";
import type { ForwardingProblems } from "./outbox/problems";
import type { DeadRow, OutboxRepository, RequeuedRow } from "./outbox/repository";

export type { RequeuedRow } from "./outbox/repository";

/**
 * The dead-letter list and the rejections: declarations the backend never took after every
 * attempt (`dead`) or refused with a reason (`rejected`). Staff see them on the console's
 * forwarding page and send chosen ones again; a retry wakes the worker so they go at once, with
 * a fresh attempt budget. Dead ones keep their idempotency key; rejected ones get a new one and
 * their declaration goes back to `accepted` (see `OutboxRepository.retryRejected`).
 */
export interface DeadLetters {
  list(limit?: number): Promise<DeadRow[]>;
  retryDead(declarationIds: readonly string[]): Promise<number>;
  /** Rejected or dead rows for the forwarding page, without personal data. */
  problems(query: ForwardingQuery): Promise<ForwardingProblem[]>;
  counts(): Promise<ForwardingCounts>;
  /**
   * Rejected and dead rows among `declarationIds` back to pending. `inside` runs in the same
   * transaction (the audit entry), so a retry is never left unrecorded. Throws
   * `PersonalDataPurgedError` (and moves nothing) if any of them had its personal data purged.
   */
  retry(declarationIds: readonly string[], inside?: (moved: RequeuedRow[]) => Promise<void>): Promise<RequeuedRow[]>;
}

export function createDeadLetters(deps: { outbox: OutboxRepository; problems: ForwardingProblems; wake: () => void; now: () => Date }): DeadLetters {
  return {
    list: (limit) => deps.outbox.listDead(limit),
    async retryDead(declarationIds) {
      const moved = await deps.outbox.retryDead(declarationIds, deps.now());
      if (moved > 0) deps.wake();
      return moved;
    },
    problems: (query) => deps.problems.list(query),
    counts: () => deps.problems.counts(deps.now()),
    async retry(declarationIds, inside) {
      const moved = await deps.outbox.requeue(declarationIds, deps.now(), inside);
      if (moved.length > 0) deps.wake();
      return moved;
    },
  };
}
