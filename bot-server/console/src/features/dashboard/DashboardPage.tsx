import { useCallback, useEffect, useState } from "react";
import { DASHBOARD_REFRESH_MS, type DashboardResponse, type DashboardSeries } from "@khaibao/shared";
import { Notice } from "../../components/ui";
import { errorText } from "../../lib/errors";
import { formatDateTime, formatTime } from "../../lib/format";
import { useI18n } from "../../lib/i18n";
import { loadDashboard } from "./api";
import { StackedBars, type BarSeries } from "./StackedBars";

/** The busiest checkpoints get their own colour; the rest share one ("other checkpoints"). */
const PALETTE = ["#0b5cad", "#e8710a", "#0d7a37", "#a142f4", "#c5221f"];
const OTHER_COLOR = "#9aa5b1";

function colouredSeries(series: readonly DashboardSeries[], order: readonly string[], other: string): BarSeries[] {
  const own = order.slice(0, PALETTE.length);
  const result: BarSeries[] = own.map((id, i) => {
    const s = series.find((x) => x.checkpointId === id);
    return { key: id, label: s?.name ?? id, color: PALETTE[i] as string, counts: s?.counts ?? [] };
  });
  const rest = series.filter((s) => !own.includes(s.checkpointId));
  if (rest.length > 0) {
    const length = rest[0]?.counts.length ?? 0;
    result.push({ key: "other", label: other, color: OTHER_COLOR, counts: Array.from({ length }, (_, i) => rest.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0)) });
  }
  return result;
}

function Stat({ label, value, hint, tone }: { label: string; value: number; hint?: string; tone?: "good" | "warn" | "bad" }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ""}`}>
      <span className="stat-value">{value.toLocaleString("vi-VN")}</span>
      <span className="stat-label">{label}</span>
      {hint ? <span className="stat-hint">{hint}</span> : null}
    </div>
  );
}

/**
 * Supervisors and admins: declarations per checkpoint per hour today and per day this week,
 * with the forwarding backlog. Polls every 15 s and at once when the tab is shown again.
 */
export default function DashboardPage() {
  const { t, lang } = useI18n();
  const [data, setData] = useState<{ snapshot: DashboardResponse; at: number }>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      setData({ snapshot: await loadDashboard(), at: Date.now() });
      setError(undefined);
    } catch (err) {
      setError(errorText(err, lang, t("error.network")));
    }
  }, [lang, t]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void load();
    }, DASHBOARD_REFRESH_MS);
    const onVisible = () => document.visibilityState === "visible" && void load();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [load]);

  if (!data) {
    return (
      <section className="page">
        <h1>{t("dashboard.heading")}</h1>
        {error ? <Notice kind="error">{error}</Notice> : <p className="muted">{t("dashboard.loading")}</p>}
      </section>
    );
  }

  const { snapshot } = data;
  const f = snapshot.forwarding;
  const todayTotal = snapshot.hourly.totals.reduce((a, b) => a + b, 0);
  const weekTotal = snapshot.daily.totals.reduce((a, b) => a + b, 0);
  // One colour per checkpoint on both charts: ranked by the week's total.
  const order = snapshot.daily.series.map((s) => s.checkpointId);
  const other = t("dashboard.other");
  const hourly = colouredSeries(snapshot.hourly.series, order, other);
  const daily = colouredSeries(snapshot.daily.series, order, other);
  const dayLabel = (day: string) =>
    new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", { timeZone: "UTC", weekday: "short", day: "2-digit", month: "2-digit" }).format(new Date(`${day}T00:00:00Z`));
  const VI_WEEKDAYS = ["CN", "T2", "T3", "T4", "T5", "T6", "T7"];
  const dayTicks = snapshot.daily.days.map((day) => {
    const d = new Date(`${day}T00:00:00Z`);
    const weekday = lang === "vi" ? (VI_WEEKDAYS[d.getUTCDay()] as string) : new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short" }).format(d);
    return [weekday, `${day.slice(8, 10)}/${day.slice(5, 7)}`] as const;
  });
  const todayOf = new Map(snapshot.hourly.series.map((s) => [s.checkpointId, s.total]));

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t("dashboard.heading")}</h1>
        <p className="muted small" aria-live="polite">
          {t("dashboard.updated", { time: formatTime(data.at, lang) })}
        </p>
      </div>
      {error ? <Notice kind="warning">{t("dashboard.stale", { time: formatTime(data.at, lang) })}</Notice> : null}
      <div className="stats stats-6">
        <Stat label={t("dashboard.today")} value={todayTotal} />
        <Stat label={t("dashboard.week")} value={weekTotal} />
        <Stat
          label={t("dashboard.pending")}
          value={f.pending}
          tone={f.pending > 0 ? "warn" : undefined}
          hint={f.oldestPendingAt ? t("dashboard.pending_since", { time: formatDateTime(f.oldestPendingAt, lang) }) : t("dashboard.pending_none")}
        />
        <Stat label={t("dashboard.rejected")} value={f.rejected} tone={f.rejected > 0 ? "bad" : undefined} />
        <Stat label={t("dashboard.dead")} value={f.dead} tone={f.dead > 0 ? "bad" : undefined} />
        <Stat label={t("dashboard.forwarded")} value={f.forwardedToday} tone="good" />
      </div>
      <div className="dashboard-grid">
        <figure className="card chart-card">
          <figcaption>{t("dashboard.hourly", { date: dayLabel(snapshot.today) })}</figcaption>
          <StackedBars
            labels={Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"))}
            labelEvery={2}
            series={hourly}
            width={640}
            title={t("dashboard.hourly", { date: snapshot.today })}
            describe={(h, total) => t("dashboard.chart_hour", { count: total, hour: String(h).padStart(2, "0") })}
          />
        </figure>
        <figure className="card chart-card">
          <figcaption>{t("dashboard.daily")}</figcaption>
          <StackedBars labels={dayTicks} series={daily} width={420} title={t("dashboard.daily")} describe={(i, total) => `${dayLabel(snapshot.daily.days[i] as string)}: ${total}`} />
        </figure>
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t("dashboard.by_checkpoint")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.col.checkpoint")}</th>
              <th scope="col" className="num">
                {t("dashboard.col.today")}
              </th>
              <th scope="col" className="num">
                {t("dashboard.col.week")}
              </th>
            </tr>
          </thead>
          <tbody>
            {snapshot.daily.series.length === 0 ? (
              <tr>
                <td colSpan={3} className="muted">
                  {t("dashboard.empty")}
                </td>
              </tr>
            ) : (
              snapshot.daily.series.map((s, i) => (
                <tr key={s.checkpointId} data-testid="dashboard-row">
                  <td>
                    <span className="swatch" style={{ background: i < PALETTE.length ? PALETTE[i] : OTHER_COLOR }} aria-hidden="true" />
                    {s.name ?? s.checkpointId} <span className="muted small mono">{s.checkpointId}</span>
                  </td>
                  <td className="num">{todayOf.get(s.checkpointId) ?? 0}</td>
                  <td className="num">{s.total}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
