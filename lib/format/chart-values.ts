import { formatPercent, formatSignedPercent } from './figures';

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
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A chart's date label: the year for spans of more than two years, else "Feb 20" style. */
export function formatChartDate(iso: string, spanDays: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  if (spanDays > 730) return m[1] as string;
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const label = `${months[Number(m[2]) - 1] ?? '?'} ${Number(m[3])}`;
  return spanDays > 300 ? `${label}, ${m[1]}` : label;
}
