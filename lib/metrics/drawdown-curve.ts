import type { Series } from '../series/series';
import { isIsoDate } from './calendar-date';
import type { DatedValues } from './dated-values';
import { indexOnOrAfter, indexOnOrBefore } from './lookup';
import { missing, present } from './metric-result';
import type { MetricResult } from './metric-result';

/**
 * The drawdown on every close from `from` to `to` (inclusive `YYYY-MM-DD` bounds, default the
 * whole series): close / highest close of the series up to that date − 1, a fraction ≤ 0 (0 at a
 * new high). The running peak starts at the series' first close, not at `from`, so each value is
 * what {@link currentDrawdown} gives as of that date. `null` result with a reason for an empty or
 * malformed series, a non-positive close, or a range with no close.
 */
export function drawdownCurve(
  series: Series,
  from?: string,
  to?: string,
): MetricResult<DatedValues> {
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
  let peak = 0;
  const outDates: string[] = [];
  const values: number[] = [];
  for (let i = 0; i <= end; i += 1) {
    const close = closes[i] as number;
    if (!(close > 0 && close < Infinity)) {
      return missing('invalid-input', `the close on ${dates[i]} is not a positive number`);
    }
    if (close > peak) peak = close;
    if (i < start) continue;
    outDates.push(dates[i] as string);
    values.push(close / peak - 1);
  }
  return present({ dates: outDates, values });
}
