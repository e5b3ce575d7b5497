import type { RetentionRun } from "@khaibao/shared";
import type { Queryable } from "../../storage";

interface Row {
  id: number | string;
  run_trigger: RetentionRun["trigger"];
  started_at: string;
  finished_at: string | null;
  cutoff: string;
  declarations_purged: number | string;
  inbox_purged: number | string;
  messages_purged: number | string;
  deletion_requests_done: number | string;
  error: string | null;
}

export type RunCounts = Pick<RetentionRun, "declarationsPurged" | "inboxPurged" | "messagesPurged" | "deletionRequestsDone">;

const toRun = (r: Row): RetentionRun => ({
  id: Number(r.id),
  trigger: r.run_trigger,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  cutoff: r.cutoff,
  declarationsPurged: Number(r.declarations_purged),
  inboxPurged: Number(r.inbox_purged),
  messagesPurged: Number(r.messages_purged),
  deletionRequestsDone: Number(r.deletion_requests_done),
  error: r.error,
});

/** The retention job's runs: one row per run, finished with its counts or its error. */
export class RetentionRuns {
  constructor(private readonly db: Queryable) {}

  async start(trigger: RetentionRun["trigger"], startedAt: Date, cutoff: Date): Promise<number> {
    const row = await this.db.get<{ id: number | string }>(
      "INSERT INTO privacy_retention_runs (run_trigger, started_at, cutoff) VALUES ($1, $2, $3) RETURNING id",
      [trigger, startedAt, cutoff],
    );
    return Number(row?.id);
  }

  async finish(id: number, finishedAt: Date, counts: RunCounts, error: string | null): Promise<RetentionRun> {
    const row = await this.db.get<Row>(
      `UPDATE privacy_retention_runs SET finished_at = $2, declarations_purged = $3, inbox_purged = $4, messages_purged = $5,
              deletion_requests_done = $6, error = $7
        WHERE id = $1 RETURNING *`,
      [id, finishedAt, counts.declarationsPurged, counts.inboxPurged, counts.messagesPurged, counts.deletionRequestsDone, error],
    );
    if (!row) throw new Error(`retention run ${id} vanished`);
    return toRun(row);
  }

  /** A run that found another instance already running leaves no row. */
  async discard(id: number): Promise<void> {
    await this.db.run("DELETE FROM privacy_retention_runs WHERE id = $1", [id]);
  }

  async list(limit: number): Promise<RetentionRun[]> {
    const rows = await this.db.all<Row>("SELECT * FROM privacy_retention_runs ORDER BY id DESC LIMIT $1", [limit]);
    return rows.map(toRun);
  }
}
