import type { ChartMarker } from '../../lib/context/dashboard-charts';

/** How a chart's values are written on its axis, tooltips and data table. */
export type ValueFormat =
  /** An index level or a rebased value (100 = start): "117.8". */
  | 'level'
  /** A fraction as a percentage: 0.181 → "18.1%". */
  | 'percent'
  /** A fraction as a signed percentage: −0.599 → "−59.9%". */
  | 'signed-percent';

/** One line of a line chart. */
export interface LineSeries {
  label: string;
  values: (number | null)[];
  /** A CSS colour or `var(--name)`, resolved against the canvas (theme-aware). */
  color: string;
  dashed?: boolean;
}

/** A line chart over dates, with marked dates and stretches. */
export interface LineChartSpec {
  kind: 'line';
  dates: string[];
  lines: LineSeries[];
  markers: readonly ChartMarker[];
  format: ValueFormat;
  /** A horizontal reference line (100 for a rebased chart, 0 for a drawdown). */
  baseline?: number;
}

/** A horizontal bar chart (one bar per label, one colour per dataset). */
export interface BarChartSpec {
  kind: 'bar';
  labels: string[];
  datasets: { label: string; values: number[]; color: string }[];
  format: ValueFormat;
}

export type ChartSpec = LineChartSpec | BarChartSpec;

/** Colours of chart lines in order: the subject first, then its references. */
export const SERIES_COLORS = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', '#8e6bbf'];
