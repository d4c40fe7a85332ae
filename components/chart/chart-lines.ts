import type { ChartLine as ContextLine } from '../../lib/context/rebased-chart';
import type { ChartLine } from './line-chart-config';

/** Colours of chart lines in order: the first line is the subject, the next ones its references. */
const SERIES_COLORS = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', '#8e6bbf'];

/** The context model's chart lines with theme colours (CSS variables, resolved by the chart). */
export function chartLines(lines: readonly ContextLine[]): ChartLine[] {
  return lines.map((l, i) => ({
    label: l.label,
    values: l.values,
    color: SERIES_COLORS[i % SERIES_COLORS.length] ?? '#2456c7',
  }));
}
