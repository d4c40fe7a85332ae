import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { lineChartConfig, type ChartLine } from './line-chart-config';

// Register only what a line chart needs, so the chunks that carry Chart.js stay small.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
);

/** Draws a rebased line chart on `canvas`; returns how to remove it. */
export function drawLineChart(
  canvas: HTMLCanvasElement,
  dates: string[],
  lines: readonly ChartLine[],
): { destroy(): void } {
  return new Chart(canvas, lineChartConfig(canvas, dates, lines));
}
