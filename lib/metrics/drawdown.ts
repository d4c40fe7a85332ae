import type { Series } from '../series/series';
import { resolveAsOfIndex } from './as-of';
import { isIsoDate } from './calendar-date';
import { indexOnOrAfter, indexOnOrBefore } from './lookup';
import { missing, present } from './metric-result';
import type { MetricResult } from './metric-result';

/** The deepest peak-to-trough decline in a range. */
export interface MaxDrawdown {
  /** Fraction ≤ 0: trough close / running-peak close − 1 (−0.25 = 25% below the peak). */
  drawdown: number;
  /** Date the peak close was first reached (within the range). */
  peakDate: string;
  peakClose: number;
  /** Date of the lowest close relative to the running peak (the first such date). */
  troughDate: string;
  troughClose: number;
  /**
   * First date after the trough whose close is at or above the peak close, searched to the end of
   * the series (not limited by the range's `to`, since recoveries outlast the decline); `null`
   * when the series has not recovered by its last close. Equal to `peakDate` when the drawdown is
   * 0 (nothing to recover).
   */
  recoveryDate: string | null;
}

/** How far the last close is below the highest close before it. */
export interface CurrentDrawdown {
  /** Fraction ≤ 0: close / peak close − 1; 0 at a new high. */
  drawdown: number;
  /** Date of the highest close up to the as-of date (the first date it was reached). */
  peakDate: string;
  peakClose: number;
  /** Date of the close measured (the last close on or before the as-of date). */
  date: string;
  close: number;
}

/**
 * {@link maxDrawdown}, or `null` and the reason: `empty-series`, `invalid-input` (malformed date
 * or a non-positive close), `as-of-before-start` (`to` before the first date) or
 * `insufficient-history` (no close between `from` and `to`).
 */
export function maxDrawdownDetailed(
  series: Series,
  from?: string,
  to?: string,
): MetricResult<MaxDrawdown> {
  const { dates, closes } = series;
  if (dates.length === 0) return missing('empty-series', 'the series has no closes');
  if (dates.length !== closes.length) {
    return missing('invalid-input', 'the series has a different number of dates and closes');
  }
  if ((from !== undefined && !isIsoDate(from)) || (to !== undefined && !isIsoDate(to))) {
    return missing('invalid-input', 'a range bound is not a YYYY-MM-DD date');
  }
  const start = from === undefined ? 0 : indexOnOrAfter(dates, from);
  const end = to === undefined ? dates.length - 1 : indexOnOrBefore(dates, to);
  if (end < 0)
    return missing('as-of-before-start', `${to} is before the first close (${dates[0]})`);
  if (start > end) return missing('insufficient-history', `no close between ${from} and ${to}`);

  let peak = start;
  let bestPeak = start;
  let trough = start;
  let deepest = 0;
  for (let i = start; i <= end; i += 1) {
    const close = closes[i];
    if (!(close !== undefined && close > 0 && close < Infinity)) {
      return missing('invalid-input', `the close on ${dates[i]} is not a positive number`);
    }
    const peakClose = closes[peak] as number;
    if (close > peakClose) peak = i;
    else {
      const dd = close / peakClose - 1;
      if (dd < deepest) {
        deepest = dd;
        bestPeak = peak;
        trough = i;
      }
    }
  }
  const peakClose = closes[bestPeak] as number;
  let recovery: number | null = deepest === 0 ? bestPeak : null;
  for (let i = trough + 1; recovery === null && i < dates.length; i += 1) {
    if ((closes[i] as number) >= peakClose) recovery = i;
  }
  return present({
    drawdown: deepest,
    peakDate: dates[bestPeak] as string,
    peakClose,
    troughDate: dates[trough] as string,
    troughClose: closes[trough] as number,
    recoveryDate: recovery === null ? null : (dates[recovery] as string),
  });
}

/**
 * Maximum drawdown between `from` and `to` (inclusive `YYYY-MM-DD` bounds, default: the whole
 * series): the most negative close / running-peak close − 1, with the running peak taken within
 * the range, as a fraction ≤ 0, with its peak, trough and recovery dates (recovery searched to the
 * end of the series). `null` when the range holds no close; see {@link maxDrawdownDetailed}.
 */
export function maxDrawdown(series: Series, from?: string, to?: string): MaxDrawdown | null {
  return maxDrawdownDetailed(series, from, to).value;
}

/**
 * {@link currentDrawdown} with the peak and the close measured, or `null` and the reason given by
 * {@link resolveAsOfIndex} (empty series, `asOf` before the first date, `stale`), or
 * `invalid-input` for a non-positive close.
 */
export function currentDrawdownDetailed(
  series: Series,
  asOf?: string,
): MetricResult<CurrentDrawdown> {
  const end = resolveAsOfIndex(series, asOf);
  if (end.value === null) return end;
  const { dates, closes } = series;
  let peak = 0;
  for (let i = 0; i <= end.value; i += 1) {
    const close = closes[i];
    if (!(close !== undefined && close > 0 && close < Infinity)) {
      return missing('invalid-input', `the close on ${dates[i]} is not a positive number`);
    }
    if (close > (closes[peak] as number)) peak = i;
  }
  const close = closes[end.value] as number;
  const peakClose = closes[peak] as number;
  return present({
    drawdown: close / peakClose - 1,
    peakDate: dates[peak] as string,
    peakClose,
    date: dates[end.value] as string,
    close,
  });
}

/**
 * Current drawdown as a fraction ≤ 0 (0 at a new high): the last close on or before `asOf`
 * (default: the last close) divided by the highest close of the whole series up to it, minus 1.
 * `null` when the series is empty, starts after `asOf` or has no close near it.
 */
export function currentDrawdown(series: Series, asOf?: string): number | null {
  return currentDrawdownDetailed(series, asOf).value?.drawdown ?? null;
}
