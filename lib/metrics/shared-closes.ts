import type { Series } from '../series/series';
import { lastDate } from './as-of';
import { epochDay, isIsoDate } from './calendar-date';
import { indexOnOrBefore } from './lookup';
import { MAX_GAP_CALENDAR_DAYS, missing, present } from './metric-result';
import type { MetricResult } from './metric-result';

/** Closes of two series on the dates both have, ascending. */
export interface SharedCloses {
  dates: string[];
  a: Float64Array;
  b: Float64Array;
}

/** How the values of the second series are checked: prices must be positive, yields finite. */
export type SecondSeriesKind = 'price' | 'level';

/**
 * The last `count` dates that `a` and `b` both have, on or before `asOf` (default: the earlier of
 * their last dates), with both closes on each date: an inner join walked backwards from `asOf`
 * with two pointers, O(count + skipped dates). `null` with a reason when they share fewer than
 * `count` dates up to `asOf` (`insufficient-history`), when two consecutive shared dates or the
 * last shared date and `asOf` are more than {@link MAX_GAP_CALENDAR_DAYS} calendar days apart
 * (`gap`, `stale`), or when a close is not a finite positive number (for `b` of kind `level`,
 * such as a yield in percent, only finiteness is required).
 */
export function sharedCloses(
  a: Series,
  b: Series,
  count: number,
  asOf?: string,
  bKind: SecondSeriesKind = 'price',
): MetricResult<SharedCloses> {
  if (a.dates.length === 0 || b.dates.length === 0) {
    return missing('empty-series', 'a series has no closes');
  }
  if (a.dates.length !== a.closes.length || b.dates.length !== b.closes.length) {
    return missing('invalid-input', 'a series has a different number of dates and closes');
  }
  const lastA = lastDate(a) as string;
  const lastB = lastDate(b) as string;
  const end = asOf ?? (lastA < lastB ? lastA : lastB);
  if (!isIsoDate(end)) return missing('invalid-input', `as-of "${end}" is not a YYYY-MM-DD date`);
  let i = indexOnOrBefore(a.dates, end);
  let j = indexOnOrBefore(b.dates, end);
  if (i < 0 || j < 0) {
    return missing('as-of-before-start', `as-of ${end} is before the first close of a series`);
  }
  const dates: string[] = Array.from({ length: count }, () => '');
  const closesA = new Float64Array(count);
  const closesB = new Float64Array(count);
  let filled = 0;
  let later = end;
  // Local bindings: these run once per shared date, the hot loop of beta and rate sensitivity.
  const day = epochDay;
  const maxGap = MAX_GAP_CALENDAR_DAYS;
  let laterDay = day(end);
  while (filled < count && i >= 0 && j >= 0) {
    const dateA = a.dates[i] as string;
    const dateB = b.dates[j] as string;
    if (dateA > dateB) i -= 1;
    else if (dateB > dateA) j -= 1;
    else {
      const dateDay = day(dateA);
      if (laterDay - dateDay > maxGap) {
        return filled === 0
          ? missing('stale', `the last date both series have on or before ${end} is ${dateA}`)
          : missing('gap', `no shared close between ${dateA} and ${later}`);
      }
      const closeA = a.closes[i];
      const closeB = b.closes[j];
      const okA = closeA !== undefined && closeA > 0 && closeA < Infinity;
      const okB =
        closeB !== undefined &&
        closeB < Infinity &&
        (bKind === 'level' ? closeB > -Infinity : closeB > 0);
      if (!okA || !okB) {
        return missing('invalid-input', `a close on ${dateA} is not a usable number`);
      }
      filled += 1;
      dates[count - filled] = dateA;
      closesA[count - filled] = closeA;
      closesB[count - filled] = closeB as number;
      later = dateA;
      laterDay = dateDay;
      i -= 1;
      j -= 1;
    }
  }
  if (filled < count) {
    return missing(
      'insufficient-history',
      `the series share ${filled} dates up to ${end}; ${count} are needed`,
    );
  }
  return present({ dates, a: closesA, b: closesB });
}
