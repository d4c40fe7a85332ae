import { fromProviderSeries, type StoredSeries } from '../../../lib/cache/stored-series';
import { parseYahooChart } from '../../../lib/providers/yahoo-chart';
import { yahooBody } from '../providers/fixture';

/** A stored series from a Yahoo chart fixture (real data). */
export function storedFromFixture(name: string, symbol: string): StoredSeries {
  return fromProviderSeries(parseYahooChart(yahooBody(name), symbol));
}

/** Bars `start` up to (not including) `end` of `s`, with `asOf` set to the last one kept. */
function slice(s: StoredSeries, start: number, end = s.dates.length): StoredSeries {
  const cut = <T>(xs: readonly T[]) => xs.slice(start, end);
  const dates = cut(s.dates);
  return {
    ...s,
    dates,
    open: cut(s.open),
    high: cut(s.high),
    low: cut(s.low),
    close: cut(s.close),
    adjClose: cut(s.adjClose),
    volume: cut(s.volume),
    asOf: dates[dates.length - 1] as string,
  };
}

/** The first `n` bars of `s`. */
export function head(s: StoredSeries, n: number): StoredSeries {
  return slice(s, 0, n);
}

/** Bars `from`..end of `s`. */
export function tail(s: StoredSeries, from: number): StoredSeries {
  return slice(s, from);
}
