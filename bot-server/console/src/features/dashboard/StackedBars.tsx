/**
 * A stacked bar chart in plain SVG: one bar per slot (hour, day), one colour per series
 * (checkpoint). Each segment carries a <title>, so pointing at it tells the number; the figure
 * has a text alternative for screen readers. No chart library: this is all the dashboard needs.
 */
export interface BarSeries {
  key: string;
  label: string;
  color: string;
  counts: readonly number[];
}

const HEIGHT = 220;
const LEFT = 36;
const BOTTOM = 26;
const TOP = 10;

/** A round axis maximum: 1, 2, 5, 10, 20, 50... at least `max`. */
function niceMax(max: number): number {
  if (max <= 4) return Math.max(1, max);
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function StackedBars(props: {
  /** Under each bar; a second line (the weekday under a date) when given as a pair. */
  labels: ReadonlyArray<string | readonly [string, string]>;
  /** Show the label under every n-th slot only (24 hours do not fit otherwise). */
  labelEvery?: number;
  series: readonly BarSeries[];
  width: number;
  title: string;
  describe: (slot: number, total: number) => string;
}) {
  const { labels, series, width } = props;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const twoLines = labels.some((l) => typeof l !== "string");
  const bottom = twoLines ? BOTTOM + 14 : BOTTOM;
  const plotH = HEIGHT - TOP - bottom;
  const slot = (width - LEFT - 8) / labels.length;
  const barW = Math.max(4, Math.min(48, slot * 0.68));
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max].filter((v, i, a) => Number.isInteger(v) && a.indexOf(v) === i);
  const every = props.labelEvery ?? 1;

  return (
    <svg className="chart" viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" role="img" aria-label={props.title}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={LEFT} x2={width - 4} y1={y(v)} y2={y(v)} className={v === 0 ? "chart-axis" : "chart-grid"} />
          <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" className="chart-tick">
            {v}
          </text>
        </g>
      ))}
      {labels.map((label, i) => {
        const x = LEFT + i * slot + (slot - barW) / 2;
        let base = 0;
        return (
          <g key={i} data-testid="chart-slot" data-total={totals[i]}>
            <title>{props.describe(i, totals[i] as number)}</title>
            {series.map((s) => {
              const v = s.counts[i] ?? 0;
              if (v === 0) return null;
              const top = y(base + v);
              const h = y(base) - top;
              base += v;
              return (
                <rect key={s.key} x={x} y={top} width={barW} height={Math.max(1, h)} fill={s.color} rx={1.5}>
                  <title>{`${s.label}: ${v}`}</title>
                </rect>
              );
            })}
            {i % every === 0 ? (
              <text x={x + barW / 2} y={HEIGHT - (twoLines ? 22 : 8)} textAnchor="middle" className="chart-tick">
                {typeof label === "string" ? (
                  label
                ) : (
                  <>
                    <tspan>{label[0]}</tspan>
                    <tspan x={x + barW / 2} dy={14}>
                      {label[1]}
                    </tspan>
                  </>
                )}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
