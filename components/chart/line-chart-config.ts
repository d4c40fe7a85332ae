import type { ChartConfiguration } from 'chart.js';

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
 * The Chart.js configuration of a rebased line chart on `canvas`. Canvas colours cannot be CSS
 * variables (nor light-dark()): each is resolved through a computed `color` on the canvas, so
 * the chart follows the theme. Animation is off so a card paints at once.
 */
export function lineChartConfig(
  canvas: HTMLCanvasElement,
  dates: string[],
  lines: readonly ChartLine[],
): ChartConfiguration<'line', (number | null)[], string> {
  const resolve = (color: string) => {
    const before = canvas.style.color;
    canvas.style.color = color;
    const value = getComputedStyle(canvas).color;
    canvas.style.color = before;
    return value;
  };
  const muted = resolve('var(--muted)');
  const grid = resolve('var(--line)');
  return {
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
}
