import { fromProviderSeries, type StoredSeries } from '../../../lib/cache/stored-series';
import { parseYahooChart } from '../../../lib/providers/yahoo-chart';
import { yahooBody } from '../providers/fixture';

/** A stored series from a Yahoo chart fixture (real data). */
export function storedFromFixture(name: string, symbol: string): StoredSeries {
  return fromProviderSeries(parseYahooChart(yahooBody(name), symbol));
}

/** The first `n` bars of `s`. */
export function head(s: StoredSeries, n: number): StoredSeries {
  const cut = <T>(xs: readonly T[]) => xs.slice(0, n);
  return {
    ...s,
    dates: cut(s.dates),
    open: cut(s.open),
    high: cut(s.high),
    low: cut(s.low),
    close: cut(s.close),
    adjClose: cut(s.adjClose),
    volume: cut(s.volume),
    asOf: s.dates[n - 1] as string,
  };
}

/** Bars `from`..end of `s`. */
export function tail(s: StoredSeries, from: number): StoredSeries {
  const cut = <T>(xs: readonly T[]) => xs.slice(from);
  return {
    ...s,
    dates: cut(s.dates),
    open: cut(s.open),
    high: cut(s.high),
    low: cut(s.low),
    close: cut(s.close),
    adjClose: cut(s.adjClose),
    volume: cut(s.volume),
  };
}
