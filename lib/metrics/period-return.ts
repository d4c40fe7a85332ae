import type { Series } from '../series/series';
import { calendarDaysBetween } from './calendar-date';
import { isUsableClose, resolveAsOfIndex } from './as-of';
import { indexOnOrBefore } from './lookup';
import { MAX_GAP_CALENDAR_DAYS, missing } from './metric-result';
import type { MetricResult } from './metric-result';
import { periodStartDate } from './period';
import type { Period } from './period';

/** A period return with the closes it was measured between. */
export interface PeriodReturnValue {
  /** Simple return as a fraction (0.05 = +5%). */
  value: number;
  /** Date of the starting close: the last close on or before {@link startDate}. */
  fromDate: string;
  /** Date of the ending close: the last close on or before the as-of date. */
  toDate: string;
  /** Nominal start date of the period (`asOf` minus the period, or the previous December 31). */
  startDate: string;
}

/**
 * {@link periodReturn} with the dates used, or `null` and the reason: `insufficient-history` when
 * the series starts after the period's start date, `as-of-before-start`, `stale` when the series
 * ends (or has a hole) more than {@link MAX_GAP_CALENDAR_DAYS} calendar days before `asOf`, `gap`
 * when the close found for the start date is that much older than it, `invalid-input` for a
 * non-positive or non-finite close.
 */
export function periodReturnDetailed(
  series: Series,
  period: Period,
  asOf?: string,
): MetricResult<PeriodReturnValue> {
  const end = resolveAsOfIndex(series, asOf);
  if (end.value === null) return end;
  const { dates, closes } = series;
  const anchor = asOf ?? (dates[end.value] as string);
  const startDate = periodStartDate(period, anchor);
  const start = indexOnOrBefore(dates, startDate);
  if (start < 0) {
    return missing(
      'insufficient-history',
      `the series starts ${dates[0]}, after the ${period} start date ${startDate}`,
    );
  }
  const fromDate = dates[start] as string;
  if (calendarDaysBetween(fromDate, startDate) > MAX_GAP_CALENDAR_DAYS) {
    return missing(
      'gap',
      `no close near the ${period} start date ${startDate} (last: ${fromDate})`,
    );
  }
  const first = closes[start];
  const last = closes[end.value];
  if (!isUsableClose(first) || !isUsableClose(last)) {
    return missing('invalid-input', 'a close used by the return is not a positive number');
  }
  return {
    value: { value: last / first - 1, fromDate, toDate: dates[end.value] as string, startDate },
  };
}

/**
 * Simple return over `period`, as a fraction (0.05 = +5%), from the last close on or before the
 * start date to the last close on or before `asOf` (default: the series' last date). The start
 * date is `asOf` minus the period in calendar months (1, 3, 6, 12, 36, 60; UTC, clamped to month
 * end: 1M before 2024-03-31 starts 2024-02-29); for YTD it is December 31 of the previous year.
 * `null` when the series does not reach back to the start date, or for any reason listed at
 * {@link periodReturnDetailed}. Closes must be adjusted for splits and dividends.
 */
export function periodReturn(series: Series, period: Period, asOf?: string): number | null {
  return periodReturnDetailed(series, period, asOf).value?.value ?? null;
}
