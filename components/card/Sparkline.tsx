import type { RebasedChart } from '../../lib/context/rebased-chart';

const WIDTH = 292;
const HEIGHT = 44;
const COLORS = ['var(--series-1)', 'var(--series-2)'];

/** One SVG path through the non-null values, scaled to the box; gaps break the line. */
function pathOf(values: readonly (number | null)[], min: number, max: number): string {
  const n = values.length;
  const span = max - min || 1;
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    const x = n <= 1 ? 0 : (i / (n - 1)) * WIDTH;
    const y = HEIGHT - 2 - ((v - min) / span) * (HEIGHT - 4);
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
  });
  return d;
}

/**
 * The symbol against the Russell 2000, rebased to 100, as two thin lines: drawn in SVG so the
 * compact card paints without the charting library. Decorative for screen readers (the
 * performance sentence says the same); `label` names it for sighted users' tooltips.
 */
export function Sparkline({ chart, label }: { chart: RebasedChart; label: string }) {
  const lines = chart.lines.slice(0, 2);
  let min = Infinity;
  let max = -Infinity;
  for (const line of lines) {
    for (const v of line.values) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!Number.isFinite(min)) return null;
  return (
    <div class="spark">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        aria-hidden="true"
        focusable="false"
      >
        <title>{label}</title>
        {lines.map((line, i) => (
          <path
            key={line.symbol}
            d={pathOf(line.values, min, max)}
            fill="none"
            stroke={COLORS[i]}
            stroke-width={i === 0 ? 1.75 : 1.25}
            stroke-linejoin="round"
          />
        ))}
      </svg>
      <div class="spark-legend" aria-hidden="true">
        {lines.map((line, i) => (
          <span key={line.symbol}>
            <i style={{ background: COLORS[i] }} />
            {line.label}
          </span>
        ))}
        <span class="muted">{chart.period}, rebased to 100</span>
      </div>
    </div>
  );
}
