import { createGroupCommit, type GroupCommitLimits } from "../../storage/group-commit";
import type { InboxRepository, NewInboxEvent } from "./repository";

export interface InboxWriter {
  insert(event: NewInboxEvent): Promise<"stored" | "duplicate">;
}

/**
 * Group commit for the webhook: events arriving while earlier batches are being written (a
 * PostgreSQL commit waits for its WAL flush) are stored by one multi-row INSERT with one commit;
 * each request is answered once its own row is durable.
 */
export function createBatchedInboxWriter(repo: InboxRepository, opts: GroupCommitLimits = {}): InboxWriter {
  const insert = createGroupCommit<NewInboxEvent, "stored" | "duplicate">({
    ...opts,
    async writeMany(events) {
      const stored = await repo.insertMany(events);
      // The first event of a key stored it; a redelivery in the same batch is a duplicate.
      return events.map((e) => ({ value: stored.delete(e.dedupeKey) ? "stored" : "duplicate" }));
    },
    writeOne: (event) => repo.insert(event),
  });
  return { insert };
}
