import { addDays, vietnamDay, vietnamDayStart, vietnamHour, type DashboardResponse, type DashboardSeries } from "@khaibao/shared";
import type { ForwardingProblems } from "../declarations/outbox/problems";
import type { Queryable } from "../storage";

const DAYS = 7;

/**
 * The dashboard's numbers. Declarations are grouped by checkpoint and UTC hour in SQL (the
 * hour is the first 13 characters of the ISO time in both dialects); Vietnam is a whole
 * number of hours from UTC, so each UTC hour is one Vietnam hour and the days are summed here.
 * Only checkpoint and time are read, which the retention job keeps: purging personal fields
 * never changes these counts.
 */
export class DashboardCounts {
  constructor(
    private readonly db: Queryable,
    private readonly problems: ForwardingProblems,
  ) {}

  async snapshot(now: Date): Promise<DashboardResponse> {
    const today = vietnamDay(now);
    const days = Array.from({ length: DAYS }, (_, i) => addDays(today, i - (DAYS - 1)));
    const from = vietnamDayStart(days[0] as string);
    const until = vietnamDayStart(addDays(today, 1));
    const rows = await this.db.all<{ checkpoint_id: string; hour: string; n: number | string }>(
      `SELECT checkpoint_id, substr(issued_at, 1, 13) AS hour, COUNT(*) AS n
         FROM declarations
        WHERE issued_at >= $1 AND issued_at < $2
        GROUP BY checkpoint_id, substr(issued_at, 1, 13)`,
      [from, until],
    );
    const checkpoints = await this.db.all<{ id: string; name: string }>("SELECT id, name FROM checkpoints");
    const names = new Map(checkpoints.map((c) => [c.id, c.name]));

    const hourly = new Map<string, number[]>();
    const daily = new Map<string, number[]>();
    for (const row of rows) {
      const at = new Date(`${row.hour}:00:00.000Z`);
      const n = Number(row.n);
      const day = vietnamDay(at);
      const d = daily.get(row.checkpoint_id) ?? new Array<number>(DAYS).fill(0);
      const dayIndex = days.indexOf(day);
      if (dayIndex >= 0) d[dayIndex] = (d[dayIndex] as number) + n;
      daily.set(row.checkpoint_id, d);
      if (day === today) {
        const h = hourly.get(row.checkpoint_id) ?? new Array<number>(24).fill(0);
        const hour = vietnamHour(at);
        h[hour] = (h[hour] as number) + n;
        hourly.set(row.checkpoint_id, h);
      }
    }
    const series = (m: Map<string, number[]>): DashboardSeries[] =>
      [...m.entries()]
        .map(([checkpointId, counts]) => ({ checkpointId, name: names.get(checkpointId) ?? null, counts, total: counts.reduce((a, b) => a + b, 0) }))
        .sort((a, b) => b.total - a.total || a.checkpointId.localeCompare(b.checkpointId));
    const totals = (s: DashboardSeries[], length: number) => Array.from({ length }, (_, i) => s.reduce((sum, x) => sum + (x.counts[i] as number), 0));

    const hourlySeries = series(hourly);
    const dailySeries = series(daily);
    const [counts, oldest] = await Promise.all([
      this.problems.counts(now),
      this.db.get<{ at: string | null }>(
        "SELECT MIN(d.issued_at) AS at FROM declaration_outbox o JOIN declarations d ON d.id = o.declaration_id WHERE o.state = 'pending'",
      ),
    ]);
    return {
      generatedAt: now.toISOString(),
      today,
      hourly: { series: hourlySeries, totals: totals(hourlySeries, 24) },
      daily: { days, series: dailySeries, totals: totals(dailySeries, DAYS) },
      forwarding: { ...counts, oldestPendingAt: oldest?.at ?? null },
    };
  }
}
