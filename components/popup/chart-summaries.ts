/**
 * One or two sentences per chart, saying what the chart shows with its numbers: the charts' text
 * alternative (read by screen readers, shown under each chart).
 */
import type { CurveChart } from '../../lib/context/dashboard-charts';
import type { CompositionSummary } from '../../lib/composition/holdings-composition';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatSignedPercent,
} from '../../lib/format/figures';

function lastKnown(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i -= 1) {
    const v = values[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

function period(chart: CurveChart): string {
  return `${formatDate(chart.startDate)} to ${formatDate(chart.dates.at(-1))}`;
}

/** "From Feb 20, 2025 to Feb 20, 2026: Russell 2000 +17.8%, S&P 500 +13.0%, ..." */
export function rebasedSummary(chart: CurveChart): string {
  const parts = chart.lines.map((l) => {
    const last = lastKnown(l.values);
    return `${l.label} ${formatSignedPercent(last === null ? null : last / 100 - 1, 1)}`;
  });
  return `From ${period(chart)}, rebased to 100: ${parts.join(', ')}.`;
}

/** The ratio's level against its start and its 1-year average, and the marked episodes. */
export function ratioSummary(chart: CurveChart): string {
  const [ratio, trend] = chart.lines;
  const last = ratio ? lastKnown(ratio.values) : null;
  const avg = trend ? lastKnown(trend.values) : null;
  const high = ratio?.high;
  const low = ratio?.low;
  const sentences = [
    `Russell 2000 / S&P 500 from ${period(chart)} (100 = start): ${formatNumber(last, 1)} at the end, ` +
      `highest ${formatNumber(high?.value ?? null, 1)} on ${formatDate(high?.date)}, ` +
      `lowest ${formatNumber(low?.value ?? null, 1)} on ${formatDate(low?.date)}.`,
  ];
  if (last !== null && avg !== null) {
    sentences.push(
      last > avg
        ? `It is above its 1-year average (${formatNumber(avg, 1)}): small caps have led lately.`
        : `It is below its 1-year average (${formatNumber(avg, 1)}): large caps have led lately.`,
    );
  }
  if (chart.markers.length > 0) {
    sentences.push(
      `Shaded: ${chart.markers
        .map((m) => `${m.label} (${formatDate(m.from)} to ${formatDate(m.date)})`)
        .join('; ')}.`,
    );
  }
  return sentences.join(' ');
}

/** Latest rolling volatility of each index and the view's peak. */
export function volatilitySummary(chart: CurveChart, windowDays: number): string {
  const latest = chart.lines
    .map((l) => `${l.label} ${formatPercent(lastKnown(l.values))}`)
    .join(', ');
  const peak = chart.lines[0]?.high;
  return (
    `${windowDays}-day realized volatility, annualized, on ${formatDate(chart.dates.at(-1))}: ${latest}. ` +
    `Highest from ${period(chart)}: ${chart.lines[0]?.label} ${formatPercent(peak?.value ?? null)} on ${formatDate(peak?.date)}.`
  );
}

/** Today's drawdown and the marked troughs. */
export function drawdownSummary(chart: CurveChart): string {
  const name = chart.lines[0]?.label ?? 'Russell 2000';
  const marks = chart.markers.map((m) =>
    m.id === 'today'
      ? `today (${formatDate(m.date)}) ${formatSignedPercent(m.value, 1)}`
      : `${m.label} ${formatSignedPercent(m.value, 1)} on ${formatDate(m.date)}`,
  );
  const others = chart.lines
    .slice(1)
    .map((l) => `${l.label} today ${formatSignedPercent(lastKnown(l.values), 1)}`);
  return [
    `${name} below its highest close so far: ${marks.join('; ')}.`,
    ...(others.length > 0 ? [`${others.join(', ')}.`] : []),
  ].join(' ');
}

/** Sector weights in a sentence: the three largest and how many sectors in all. */
export function sectorSummary(summary: CompositionSummary): string {
  const top = summary.sectors
    .slice(0, 3)
    .map((s) => `${s.sector} ${formatPercent(s.weight)}`)
    .join(', ');
  return (
    `${summary.sectors.length} sectors in the ${formatDate(summary.asOf)} holdings; the largest: ${top}. ` +
    `The top 10 of ${summary.members.toLocaleString('en-US')} members weigh ${formatPercent(summary.top10.weight, 2)} together.`
  );
}
