import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

// Register only what a line chart needs, so the card and popup chunks stay small.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
);

export interface ChartLine {
  label: string;
  /** One value per date, rebased to 100 at the first date; null where the series has no close. */
  values: (number | null)[];
  /** A CSS colour, or `var(--name)` resolved against the chart's element (theme-aware). */
  color: string;
}

export interface RebasedChartProps {
  dates: string[];
  lines: ChartLine[];
  /** Accessible description of what the chart shows (read by screen readers). */
  label: string;
  height?: number;
}

/**
 * Line chart of series rebased to 100 (Chart.js). The canvas is re-created only when the data
 * changes; animation is off so a hover card paints at once.
 */
export function RebasedChart({ dates, lines, label, height = 150 }: RebasedChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    // Canvas colours cannot be CSS variables (nor light-dark()): resolve each through a computed
    // `color` on the chart's element, so the chart follows the theme.
    const el = canvas.current;
    const resolve = (color: string) => {
      const before = el.style.color;
      el.style.color = color;
      const value = getComputedStyle(el).color;
      el.style.color = before;
      return value;
    };
    const muted = resolve('var(--muted)');
    const grid = resolve('var(--line)');
    const config: ChartConfiguration<'line', (number | null)[], string> = {
      type: 'line',
      data: {
        labels: dates,
        datasets: lines.map((l) => ({
          label: l.label,
          data: l.values,
          borderColor: resolve(l.color),
          backgroundColor: resolve(l.color),
          borderWidth: 1.5,
          pointRadius: 0,
          spanGaps: false,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: {
            ticks: { color: muted, maxTicksLimit: 4, maxRotation: 0, font: { size: 10 } },
            grid: { display: false },
          },
          y: { ticks: { color: muted, font: { size: 10 } }, grid: { color: grid } },
        },
        plugins: {
          legend: { labels: { color: muted, boxWidth: 10, font: { size: 10 } } },
          tooltip: {
            callbacks: { label: (item) => `${item.dataset.label}: ${Number(item.raw).toFixed(1)}` },
          },
        },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [dates, lines]);
  return (
    <div style={{ position: 'relative', height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
