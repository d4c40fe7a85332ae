import { dateFormat, formatNumber, formatPercent, formatSignedPercent, isoDay } from './figures';

/**
 * A chart value as written on an axis, a tooltip or a data table: `level` values (index levels,
 * rebased values) to one decimal, `percent` and `signed-percent` fractions as percentages.
 * Missing values are an em dash.
 */
export function formatChartValue(
  value: number | null | undefined,
  format: 'level' | 'percent' | 'signed-percent',
  digits = 1,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (format === 'percent') return formatPercent(value, digits);
  if (format === 'signed-percent') return formatSignedPercent(value, digits);
  return formatNumber(value, digits);
}

/**
 * A chart's date label in the figure locale: the year for spans of more than two years, else
 * "Feb 20" style, with the year for spans of more than 300 days ("Feb 20, 2026").
 */
export function formatChartDate(iso: string, spanDays: number): string {
  const day = isoDay(iso);
  if (!day) return iso;
  if (spanDays > 730) return dateFormat({ year: 'numeric' }).format(day);
  return dateFormat(
    spanDays > 300
      ? { month: 'short', day: 'numeric', year: 'numeric' }
      : { month: 'short', day: 'numeric' },
  ).format(day);
}
