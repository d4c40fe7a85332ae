import type { Series } from '../series/series';
import { calendarDaysBetween, isIsoDate } from './calendar-date';
import { indexOnOrBefore } from './lookup';
import { MAX_GAP_CALENDAR_DAYS, missing, present } from './metric-result';
import type { MetricResult } from './metric-result';

/** Last date of a series, or `null` when it is empty. */
export function lastDate(series: Series): string | null {
  return series.dates.length > 0 ? (series.dates[series.dates.length - 1] as string) : null;
}

/**
 * Index of the close a metric "as of `asOf`" ends on: the last close on or before `asOf`
 * (default: the last close). `null` with a reason when the series is empty or malformed, `asOf`
 * is not a date or is before the first date, or the close found is more than
 * {@link MAX_GAP_CALENDAR_DAYS} calendar days older than `asOf` (`stale`).
 */
export function resolveAsOfIndex(series: Series, asOf?: string): MetricResult<number> {
  const { dates, closes } = series;
  if (dates.length === 0) return missing('empty-series', 'the series has no closes');
  if (dates.length !== closes.length) {
    return missing('invalid-input', 'the series has a different number of dates and closes');
  }
  if (asOf === undefined) return present(dates.length - 1);
  if (!isIsoDate(asOf)) return missing('invalid-input', `as-of "${asOf}" is not a YYYY-MM-DD date`);
  const index = indexOnOrBefore(dates, asOf);
  if (index < 0) {
    return missing('as-of-before-start', `as-of ${asOf} is before the first close (${dates[0]})`);
  }
  const found = dates[index] as string;
  if (calendarDaysBetween(found, asOf) > MAX_GAP_CALENDAR_DAYS) {
    return missing('stale', `the last close on or before ${asOf} is from ${found}`);
  }
  return present(index);
}

/** True when `value` can be used as a price: finite and strictly positive. */
export function isUsableClose(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0;
}
