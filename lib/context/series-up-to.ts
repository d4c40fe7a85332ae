import { indexOnOrBefore } from '../metrics/lookup';
import type { PricedSeries } from './priced-series';

/**
 * `series` without its closes after `asOf`, so that nothing later than the as-of date (a
 * drawdown's recovery, say) leaks into a figure dated `asOf`. Returns `series` itself when it
 * already ends on or before `asOf` (no copy).
 */
export function seriesUpTo(series: PricedSeries, asOf: string): PricedSeries {
  const end = indexOnOrBefore(series.dates, asOf) + 1;
  if (end === series.dates.length) return series;
  return { ...series, dates: series.dates.slice(0, end), closes: series.closes.slice(0, end) };
}
