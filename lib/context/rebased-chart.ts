import type { Series } from '../series/series';
import { indexOnOrBefore } from '../metrics/lookup';
import { missing, present } from '../metrics/metric-result';
import type { MetricResult } from '../metrics/metric-result';
import { periodStartDate } from '../metrics/period';
import type { ChartPeriodPref } from './comparison-prefs';

/** One line of a rebased chart. */
export interface ChartLine {
  symbol: string;
  label: string;
  /** Close / first close × 100 on each of the chart's dates (100 = level at the start). */
  values: number[];
}

/** Several series on their shared dates, each rebased to 100 at the first date. */
export interface RebasedChart {
  period: ChartPeriodPref;
  /**
   * Nominal start of the period (`asOf` minus the period); the first point is the last shared
   * close on or before it. For `max`, the first date the lines share.
   */
  startDate: string;
  /** Shared dates shown, ascending, at most {@link MAX_CHART_POINTS}. */
  dates: string[];
  lines: ChartLine[];
}

/** Most points a chart carries; longer windows are downsampled evenly, keeping first and last. */
export const MAX_CHART_POINTS = 260;

/** A series to draw, with its label. */
export interface ChartInput {
  series: Series;
  symbol: string;
  label: string;
}

/**
 * Indices of `count` points spread evenly over `n` (first and last kept), or all when
 * `n ≤ count`.
 */
export function evenSample(n: number, count: number): number[] {
  const picks: number[] = [];
  if (n <= count) {
    for (let i = 0; i < n; i += 1) picks.push(i);
  } else {
    for (let i = 0; i < count; i += 1) picks.push(Math.round((i * (n - 1)) / (count - 1)));
  }
  return picks;
}

/**
 * The inputs rebased to 100 over `period` ending on `asOf`, on the dates all of them have (inner
 * join), starting at the last shared date on or before the period's start date (for `max`, at the
 * first date they share), downsampled to
 * at most `maxPoints` (default {@link MAX_CHART_POINTS}). `null` with `insufficient-history` when
 * the shared dates do not reach back to the start date, `as-of-before-start` when a series starts
 * after `asOf`, `empty-series` when there is no input.
 */
export function rebasedChart(
  inputs: readonly ChartInput[],
  period: ChartPeriodPref,
  asOf: string,
  maxPoints: number = MAX_CHART_POINTS,
): MetricResult<RebasedChart> {
  if (inputs.length === 0) return missing('empty-series', 'nothing to chart');
  // For `max` no date is early enough, so the walk below runs until a series is exhausted.
  const startDate = period === 'max' ? '' : periodStartDate(period, asOf);
  const pointers = inputs.map((input) => indexOnOrBefore(input.series.dates, asOf));
  if (pointers.some((p) => p < 0)) {
    return missing('as-of-before-start', `a charted series starts after ${asOf}`);
  }
  const width = inputs.length;
  const allDates = inputs.map((input) => input.series.dates);
  const allCloses = inputs.map((input) => input.series.closes);
  // Closes of the shared dates, newest first, row-major (width values per date).
  const flat: number[] = [];
  const dates: string[] = [];
  let reachedStart = false;
  let exhausted = false;
  while (!reachedStart && !exhausted) {
    let earliest = allDates[0]![pointers[0]!] as string;
    let latest = earliest;
    for (let k = 1; k < width; k += 1) {
      const d = allDates[k]![pointers[k]!] as string;
      if (d < earliest) earliest = d;
      if (d > latest) latest = d;
    }
    if (earliest === latest) {
      dates.push(earliest);
      for (let k = 0; k < width; k += 1) {
        flat.push(allCloses[k]![pointers[k]!] as number);
        pointers[k]! -= 1;
        if (pointers[k]! < 0) exhausted = true;
      }
      reachedStart = earliest <= startDate;
    } else {
      for (let k = 0; k < width; k += 1) {
        if ((allDates[k]![pointers[k]!] as string) > earliest) {
          pointers[k]! -= 1;
          if (pointers[k]! < 0) exhausted = true;
        }
      }
    }
  }
  if (!reachedStart && period !== 'max') {
    return missing(
      'insufficient-history',
      `the charted series do not share closes back to ${startDate} (${period} before ${asOf})`,
    );
  }
  const n = dates.length;
  if (n === 0) return missing('insufficient-history', 'the charted series share no dates');
  const baseRow = n - 1; // the oldest row is the last one written
  for (let k = 0; k < width; k += 1) {
    if (!((flat[baseRow * width + k] as number) > 0)) {
      return missing('invalid-input', 'a base close is not positive');
    }
  }
  const picks = evenSample(n, Math.max(2, maxPoints));
  const pickedDates: string[] = [];
  for (const i of picks) pickedDates.push(dates[n - 1 - i] as string);
  return present({
    period,
    startDate: period === 'max' ? (dates[n - 1] as string) : startDate,
    dates: pickedDates,
    lines: inputs.map((input, k) => {
      const base = flat[baseRow * width + k] as number;
      const values: number[] = [];
      for (const i of picks) values.push(((flat[(n - 1 - i) * width + k] as number) * 100) / base);
      return { symbol: input.symbol, label: input.label, values };
    }),
  });
}
