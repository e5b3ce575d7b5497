import { createGroupCommit, outcomesFromErrors, type GroupCommitLimits } from "../storage/group-commit";
import type { DeclarationRecord } from "./record";
import type { DeclarationRepository } from "./repository";

export interface DeclarationInserter {
  insertWithOutbox(record: DeclarationRecord, now: Date): Promise<void>;
}

/**
 * `insertWithOutbox` with group commit: concurrent submissions share one transaction. Rows go in
 * per-row savepoints (`insertManyWithOutbox`), so a UNIQUE violation (idempotency race, receipt
 * code collision) rejects only its own caller, with the same error the plain repository throws,
 * and `submitDeclaration` resolves it as before. Answered after COMMIT: accepted means durable.
 */
export function createBatchedDeclarationInserter(
  repo: DeclarationRepository,
  opts: GroupCommitLimits = {},
): DeclarationInserter {
  type Item = { record: DeclarationRecord; now: Date };
  const insert = createGroupCommit<Item>({
    ...opts,
    writeMany: async (items) => outcomesFromErrors(await repo.insertManyWithOutbox(items)),
    writeOne: (item) => repo.insertWithOutbox(item.record, item.now),
  });
  return { insertWithOutbox: (record, now) => insert({ record, now }) };
}
