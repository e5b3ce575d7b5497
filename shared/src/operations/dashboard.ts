import { z } from "zod";
import { forwardingCountsSchema } from "../staff/forwarding";

/**
 * GET /api/staff/dashboard: declarations per checkpoint per hour today and per day for the
 * last 7 days (Vietnam days, today included), and the forwarding backlog. Counted from
 * checkpoint, time and direction only, which the retention job keeps, so counts never change
 * when personal fields are purged.
 */
export const dashboardSeriesSchema = z.object({
  checkpointId: z.string(),
  /** The checkpoint's name, or null when it is no longer registered. */
  name: z.string().nullable(),
  counts: z.array(z.number().int()),
  total: z.number().int(),
});
export type DashboardSeries = z.infer<typeof dashboardSeriesSchema>;

export const dashboardResponseSchema = z.object({
  generatedAt: z.string(),
  /** Today, Vietnam time (`YYYY-MM-DD`). */
  today: z.string(),
  /** 24 slots, hour 0-23 of today, Vietnam time; `series[].counts` follow them. */
  hourly: z.object({ series: z.array(dashboardSeriesSchema), totals: z.array(z.number().int()) }),
  /** 7 days, oldest first, ending today. */
  daily: z.object({ days: z.array(z.string()), series: z.array(dashboardSeriesSchema), totals: z.array(z.number().int()) }),
  forwarding: forwardingCountsSchema.extend({
    /** When the oldest declaration still waiting to be sent was accepted (null: nothing waits). */
    oldestPendingAt: z.string().nullable(),
  }),
});
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;

/** Console refresh period; the page also refreshes when it becomes visible again. */
export const DASHBOARD_REFRESH_MS = 15_000;
