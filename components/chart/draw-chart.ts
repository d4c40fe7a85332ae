/**
 * Chart.js, loaded lazily by the popup's charts (`import('./draw-chart')`), so the popup paints
 * its figures before the chart library is parsed. Only what line and bar charts need is
 * registered; animation is off.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { formatChartDate, formatChartValue } from '../../lib/format/chart-values';
import { epochDay } from '../../lib/metrics/calendar-date';
import { indexOnOrBefore } from '../../lib/metrics/lookup';
import type { BarChartSpec, ChartSpec, LineChartSpec } from './chart-spec';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
);

/** A drawn chart. */
export interface DrawnChart {
  destroy(): void;
}

/** Resolves a CSS colour (or `var(--x)`) against `el`: canvas colours cannot be CSS variables. */
function colourResolver(el: HTMLElement): (color: string) => string {
  return (color) => {
    const before = el.style.color;
    el.style.color = color;
    const value = getComputedStyle(el).color;
    el.style.color = before;
    return value;
  };
}

/** Shaded stretches (episodes) behind the lines, dots and labels for marked dates on top. */
function markerPlugin(
  spec: LineChartSpec,
  colors: { text: string; band: string; dot: string },
): Plugin<'line'> {
  const at = (date: string) => indexOnOrBefore(spec.dates, date);
  return {
    id: 'r2kMarkers',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (!x) return;
      ctx.save();
      for (const m of spec.markers) {
        if (m.from === undefined) continue;
        const from = Math.max(0, at(m.from));
        const to = at(m.date);
        if (to < 0) continue;
        const left = x.getPixelForValue(from);
        const right = Math.max(x.getPixelForValue(to), left + 2);
        ctx.fillStyle = colors.band;
        ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
        ctx.fillStyle = colors.text;
        ctx.font = '10px system-ui, sans-serif';
        ctx.textBaseline = 'top';
        ctx.fillText(m.id, left + 2, chartArea.top + 2);
      }
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      const { ctx, scales } = chart;
      const x = scales.x;
      const y = scales.y;
      if (!x || !y) return;
      ctx.save();
      for (const m of spec.markers) {
        if (m.from !== undefined || m.value === null) continue;
        const i = at(m.date);
        if (i < 0) continue;
        const px = x.getPixelForValue(i);
        const py = y.getPixelForValue(m.value);
        ctx.fillStyle = colors.dot;
        ctx.beginPath();
        ctx.arc(px, py, 3.5, 0, Math.PI * 2);
        ctx.fill();
        ctx.fillStyle = colors.text;
        ctx.font = '10px system-ui, sans-serif';
        const label = m.id === 'today' ? 'today' : m.id;
        const width = ctx.measureText(label).width;
        ctx.textBaseline = 'top';
        ctx.fillText(label, Math.min(px + 4, x.right - width), py + 4);
      }
      ctx.restore();
    },
  };
}

function lineConfig(
  spec: LineChartSpec,
  resolve: (c: string) => string,
): ChartConfiguration<'line', (number | null)[], string> {
  const muted = resolve('var(--muted)');
  const grid = resolve('var(--line)');
  const first = spec.dates[0];
  const last = spec.dates.at(-1);
  const span = first && last ? epochDay(last) - epochDay(first) : 0;
  const baseline = spec.baseline;
  return {
    type: 'line',
    data: {
      labels: spec.dates,
      datasets: [
        ...spec.lines.map((l) => ({
          label: l.label,
          data: l.values,
          borderColor: resolve(l.color),
          backgroundColor: resolve(l.color),
          borderWidth: 1.5,
          borderDash: l.dashed ? [4, 3] : [],
          pointRadius: 0,
          spanGaps: false,
        })),
        ...(baseline === undefined
          ? []
          : [
              {
                label: '',
                data: spec.dates.map(() => baseline),
                borderColor: grid,
                borderWidth: 1,
                pointRadius: 0,
              },
            ]),
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          ticks: {
            color: muted,
            maxTicksLimit: 5,
            maxRotation: 0,
            font: { size: 10 },
            callback: (_value, index) => formatChartDate(spec.dates[index] ?? '', span),
          },
          grid: { display: false },
        },
        y: {
          ticks: {
            color: muted,
            font: { size: 10 },
            callback: (value) => formatChartValue(Number(value), spec.format, 0),
          },
          grid: { color: grid },
        },
      },
      plugins: {
        legend: {
          labels: {
            color: muted,
            boxWidth: 10,
            font: { size: 10 },
            filter: (item) => item.text !== '',
          },
        },
        tooltip: {
          filter: (item) => item.dataset.label !== '',
          callbacks: {
            title: (items) => items[0]?.label ?? '',
            label: (item) =>
              `${item.dataset.label}: ${formatChartValue(item.raw as number | null, spec.format)}`,
          },
        },
      },
    },
    plugins: [
      markerPlugin(spec, {
        text: muted,
        band: resolve('var(--band, rgba(154, 103, 0, 0.14))'),
        dot: resolve('var(--down)'),
      }) as Plugin<'line', unknown>,
    ],
  };
}

function barConfig(
  spec: BarChartSpec,
  resolve: (c: string) => string,
): ChartConfiguration<'bar', number[], string> {
  const muted = resolve('var(--muted)');
  const grid = resolve('var(--line)');
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((d) => ({
        label: d.label,
        data: d.values,
        backgroundColor: resolve(d.color),
        borderWidth: 0,
        barPercentage: 0.85,
        categoryPercentage: 0.85,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: 'y',
      scales: {
        x: {
          ticks: {
            color: muted,
            font: { size: 10 },
            callback: (value) => formatChartValue(Number(value), spec.format, 0),
          },
          grid: { color: grid },
        },
        y: {
          ticks: { color: muted, font: { size: 10 }, autoSkip: false },
          grid: { display: false },
        },
      },
      plugins: {
        legend: {
          display: spec.datasets.length > 1,
          labels: { color: muted, boxWidth: 10, font: { size: 10 } },
        },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label}: ${formatChartValue(item.raw as number, spec.format, 2)}`,
          },
        },
      },
    },
  };
}

/**
 * Draws `spec` on `canvas` (colours resolved from the page's theme variables). Returns `null`
 * when the canvas has no 2D context (a test DOM); the figure's summary and table stand in.
 */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): DrawnChart | null {
  if (!canvas.getContext('2d')) return null;
  const resolve = colourResolver(canvas);
  const chart =
    spec.kind === 'line'
      ? new Chart(canvas, lineConfig(spec, resolve))
      : new Chart(canvas, barConfig(spec, resolve));
  return { destroy: () => chart.destroy() };
}
