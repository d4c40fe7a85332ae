/**
 * One or two sentences per chart, saying what the chart shows with its numbers: the charts' text
 * alternative (read by screen readers, shown under each chart).
 */
import type { CurveChart } from '../../lib/context/dashboard-charts';
import type { CompositionSummary } from '../../lib/composition/holdings-composition';
import {
  formatCount,
  formatDate,
  formatNumber,
  formatPercent,
  formatSignedPercent,
} from '../../lib/format/figures';
import { t } from '../../lib/i18n/translate';

function lastKnown(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i -= 1) {
    const v = values[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

function period(chart: CurveChart): string {
  return t('summary_period', formatDate(chart.startDate), formatDate(chart.dates.at(-1)));
}

/** "From Feb 20, 2025 to Feb 20, 2026: Russell 2000 +17.8%, S&P 500 +13.0%, ..." */
export function rebasedSummary(chart: CurveChart): string {
  const parts = chart.lines.map((l) => {
    const last = lastKnown(l.values);
    return `${l.label} ${formatSignedPercent(last === null ? null : last / 100 - 1, 1)}`;
  });
  return t('summary_rebased', period(chart), parts.join(', '));
}

/** The ratio's level against its start and its 1-year average, and the marked episodes. */
export function ratioSummary(chart: CurveChart): string {
  const [ratio, trend] = chart.lines;
  const last = ratio ? lastKnown(ratio.values) : null;
  const avg = trend ? lastKnown(trend.values) : null;
  const high = ratio?.high;
  const low = ratio?.low;
  const sentences = [
    t(
      'summary_ratio',
      period(chart),
      formatNumber(last, 1),
      formatNumber(high?.value ?? null, 1),
      formatDate(high?.date),
      formatNumber(low?.value ?? null, 1),
      formatDate(low?.date),
    ),
  ];
  if (last !== null && avg !== null) {
    sentences.push(
      last > avg
        ? t('summary_ratioAbove', formatNumber(avg, 1))
        : t('summary_ratioBelow', formatNumber(avg, 1)),
    );
  }
  if (chart.markers.length > 0) {
    sentences.push(
      t(
        'summary_shaded',
        chart.markers
          .map((m) => t('summary_shadedEpisode', m.label, formatDate(m.from), formatDate(m.date)))
          .join('; '),
      ),
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
  return [
    t('summary_volatility', windowDays, formatDate(chart.dates.at(-1)), latest),
    t(
      'summary_volatilityPeak',
      period(chart),
      chart.lines[0]?.label ?? '',
      formatPercent(peak?.value ?? null),
      formatDate(peak?.date),
    ),
  ].join(' ');
}

/** Today's drawdown and the marked troughs. */
export function drawdownSummary(chart: CurveChart): string {
  const name = chart.lines[0]?.label ?? t('popup_indexName');
  const marks = chart.markers.map((m) =>
    m.id === 'today'
      ? t('summary_drawdownToday', formatDate(m.date), formatSignedPercent(m.value, 1))
      : t('summary_drawdownMark', m.label, formatSignedPercent(m.value, 1), formatDate(m.date)),
  );
  const others = chart.lines
    .slice(1)
    .map((l) => t('summary_drawdownOther', l.label, formatSignedPercent(lastKnown(l.values), 1)));
  return [
    t('summary_drawdown', name, marks.join('; ')),
    ...(others.length > 0 ? [t('summary_sentence', others.join(', '))] : []),
  ].join(' ');
}

/** Sector weights in a sentence: the three largest and how many sectors in all. */
export function sectorSummary(summary: CompositionSummary): string {
  const top = summary.sectors
    .slice(0, 3)
    .map((s) => `${s.sector} ${formatPercent(s.weight)}`)
    .join(', ');
  return [
    t('summary_sectors', formatCount(summary.sectors.length), formatDate(summary.asOf), top),
    t('summary_top10', formatCount(summary.members), formatPercent(summary.top10.weight, 2)),
  ].join(' ');
}
