import type { ForwardingCounts, ForwardingProblem, ForwardingQuery } from "@khaibao/shared";
import type { Queryable } from "../../storage";

interface ProblemRow {
  declaration_id: string;
  state: "rejected" | "dead";
  attempts: number;
  resends: number;
  last_error: string | null;
  last_attempt_at: string | null;
  finished_at: string | null;
  receipt_code: string;
  checkpoint_id: string;
  checkpoint_name: string | null;
  holder_name_masked: string;
  created_at: string;
  personal_data_purged_at: string | null;
}

/** Vietnam has no daylight saving: midnight there is 17:00 UTC the day before. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

export function startOfVietnamDay(now: Date): Date {
  const local = now.getTime() + VIETNAM_OFFSET_MS;
  return new Date(local - (local % DAY_MS) - VIETNAM_OFFSET_MS);
}

/**
 * What the forwarding page reads: outbox rows the backend rejected or that ran out of attempts,
 * joined with the declaration's non-personal columns, and the outbox's counts.
 */
export class ForwardingProblems {
  constructor(private readonly db: Queryable) {}

  /** Newest finished first; `before` (`finishedAt|id`) pages backwards. */
  async list(query: ForwardingQuery): Promise<ForwardingProblem[]> {
    const select = `SELECT o.declaration_id, o.state, o.attempts, o.resends, o.last_error, o.last_attempt_at, o.finished_at,
                           d.receipt_code, d.checkpoint_id, c.name AS checkpoint_name, d.holder_name_masked, d.created_at,
                           d.personal_data_purged_at
                      FROM declaration_outbox o
                      JOIN declarations d ON d.id = o.declaration_id
                      LEFT JOIN checkpoints c ON c.id = d.checkpoint_id
                     WHERE o.state = $1`;
    const order = "ORDER BY o.finished_at DESC, o.declaration_id DESC";
    let rows: ProblemRow[];
    if (query.before) {
      const cut = query.before.indexOf("|");
      const [at, id] = [query.before.slice(0, cut), query.before.slice(cut + 1)];
      rows = await this.db.all<ProblemRow>(`${select} AND (o.finished_at < $2 OR (o.finished_at = $2 AND o.declaration_id < $3)) ${order} LIMIT $4`, [
        query.state,
        at,
        id,
        query.limit,
      ]);
    } else {
      rows = await this.db.all<ProblemRow>(`${select} ${order} LIMIT $2`, [query.state, query.limit]);
    }
    return rows.map((r) => ({
      declarationId: r.declaration_id,
      receiptCode: r.receipt_code,
      checkpointId: r.checkpoint_id,
      checkpointName: r.checkpoint_name,
      holderNameMasked: r.holder_name_masked,
      state: r.state,
      attempts: Number(r.attempts),
      reason: r.last_error,
      lastAttemptAt: r.last_attempt_at,
      finishedAt: r.finished_at,
      createdAt: r.created_at,
      resends: Number(r.resends),
      personalDataPurged: r.personal_data_purged_at !== null,
    }));
  }

  /** The backlog and the problem rows, and what reached the backend since midnight in Vietnam. */
  async counts(now: Date): Promise<ForwardingCounts> {
    const open = await this.db.all<{ state: string; n: number | string }>(
      "SELECT state, COUNT(*) AS n FROM declaration_outbox WHERE state IN ('pending', 'rejected', 'dead') GROUP BY state",
    );
    const today = await this.db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM declaration_outbox WHERE state = 'done' AND finished_at >= $1", [
      startOfVietnamDay(now),
    ]);
    const of = (state: string) => Number(open.find((r) => r.state === state)?.n ?? 0);
    return { pending: of("pending"), rejected: of("rejected"), dead: of("dead"), forwardedToday: Number(today?.n ?? 0) };
  }
}
