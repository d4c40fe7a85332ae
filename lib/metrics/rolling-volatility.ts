import type { Series } from '../series/series';
import { epochDay, isIsoDate } from './calendar-date';
import type { DatedValues } from './dated-values';
import { indexOnOrAfter, indexOnOrBefore } from './lookup';
import { MAX_GAP_CALENDAR_DAYS, missing, present } from './metric-result';
import type { MetricResult } from './metric-result';
import { TRADING_DAYS_PER_YEAR } from './realized-volatility';

/**
 * Rolling annualized realized volatility (fractions, 0.25 = 25% a year): on each close from `from`
 * to `to` (inclusive `YYYY-MM-DD` bounds, default the whole series), the value
 * {@link realizedVolatility} gives for a window of `windowDays` daily log returns ending on that
 * close, computed in one pass with running sums. A date's value is `null` when its window holds
 * fewer than `windowDays` returns (the first closes of the series), a non-positive close, or two
 * closes more than {@link MAX_GAP_CALENDAR_DAYS} calendar days apart. `null` result with a reason
 * for a window below 2 (`invalid-input`), an empty or malformed series, or a range with no close.
 */
export function rollingVolatility(
  series: Series,
  windowDays: number,
  from?: string,
  to?: string,
): MetricResult<DatedValues> {
  if (!Number.isInteger(windowDays) || windowDays < 2) {
    return missing('invalid-input', `a volatility window needs at least 2 returns (${windowDays})`);
  }
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
  if (start > end) return missing('insufficient-history', `no close between ${from} and ${to}`);

  // Returns are indexed by the close they end on (1..n-1); an unusable one counts as "bad".
  const scale = Math.sqrt(TRADING_DAYS_PER_YEAR);
  const firstReturn = Math.max(1, start - windowDays + 1);
  const returnAt = (k: number): number | null => {
    const before = closes[k - 1] as number;
    const after = closes[k] as number;
    if (!(before > 0 && before < Infinity && after > 0 && after < Infinity)) return null;
    if (epochDay(dates[k] as string) - epochDay(dates[k - 1] as string) > MAX_GAP_CALENDAR_DAYS) {
      return null;
    }
    return Math.log(after / before);
  };
  // The window's returns in a ring buffer; NaN marks an unusable return.
  const ring = new Float64Array(windowDays);
  let filled = 0;
  let sum = 0;
  let squares = 0;
  let bad = 0;
  const outDates: string[] = [];
  const values: (number | null)[] = [];
  for (let k = firstReturn; k <= end; k += 1) {
    const slot = k % windowDays;
    if (filled === windowDays) {
      const old = ring[slot] as number;
      if (Number.isNaN(old)) bad -= 1;
      else {
        sum -= old;
        squares -= old * old;
      }
    } else filled += 1;
    const r = returnAt(k);
    ring[slot] = r ?? Number.NaN;
    if (r === null) bad += 1;
    else {
      sum += r;
      squares += r * r;
    }
    if (k < start) continue;
    outDates.push(dates[k] as string);
    if (filled < windowDays || bad > 0) {
      values.push(null);
      continue;
    }
    const variance = (squares - (sum * sum) / windowDays) / (windowDays - 1);
    values.push(Math.sqrt(Math.max(0, variance)) * scale);
  }
  if (start === 0) {
    // The first close has no return ending on it.
    outDates.unshift(dates[0] as string);
    values.unshift(null);
  }
  return present({ dates: outDates, values });
}
