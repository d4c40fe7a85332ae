import { lastDate } from '../metrics/as-of';
import { RUSSELL_2000, SP_500, benchmarkInfo } from './benchmarks';
import type { ComparisonPrefs, ReturnBasisPref } from './comparison-prefs';
import type { PricedSeries, SeriesBySymbol } from './priced-series';
import { chooseRequiredSeries, chooseSeries, notChosen } from './series-choice';
import type { ChosenSeries } from './series-choice';

/** The series the popup's views compare, all on one as-of date. */
export interface DashboardSeries {
  /** The common as-of date, or `null` when there is no Russell 2000 series at all. */
  asOf: string | null;
  russell2000: ChosenSeries;
  sp500: ChosenSeries;
  /**
   * The Russell 2000 and the S&P 500 on the chosen return basis (total return through the fund
   * that tracks each, where its data reaches the as-of date); the price series above otherwise.
   * Levels, drawdowns, volatility and relative strength use the price series; returns use these.
   */
  russell2000Returns: ChosenSeries;
  sp500Returns: ChosenSeries;
  /**
   * The chosen benchmarks other than the Russell 2000, in the order chosen (the S&P 500 included
   * when chosen), on the chosen return basis.
   */
  benchmarks: ChosenSeries[];
  /** Notes of the choices (proxies used, benchmarks left out), each once. */
  notes: string[];
}

function latestLastDate(...series: (PricedSeries | undefined)[]): string | null {
  let latest: string | null = null;
  for (const s of series) {
    const last = s === undefined ? null : lastDate(s);
    if (last !== null && (latest === null || last > latest)) latest = last;
  }
  return latest;
}

/**
 * Chooses the popup's series: the as-of date is the Russell 2000's last date (the later of `^RUT`
 * and `IWM`, with IWM standing in when ^RUT ends earlier; capped by `asOf`); the S&P 500 and each
 * chosen benchmark are taken on that date, replaced by their ETF when their own history ends
 * earlier, or left out with a note (see {@link chooseSeries}). Pure.
 */
export function chooseDashboardSeries(
  available: SeriesBySymbol,
  prefs: Pick<ComparisonPrefs, 'benchmarks' | 'returnBasis'>,
  asOf?: string,
): DashboardSeries {
  const etf = benchmarkInfo(RUSSELL_2000).proxyEtf;
  const latest = latestLastDate(available[RUSSELL_2000], etf === null ? undefined : available[etf]);
  const anchor = latest !== null && asOf !== undefined && asOf < latest ? asOf : latest;
  const required =
    anchor === null
      ? { chosen: notChosen(RUSSELL_2000, 'no Russell 2000 series available'), asOf: null }
      : chooseRequiredSeries(RUSSELL_2000, available, anchor);
  const r2k = required.chosen;
  const commonAsOf = required.asOf;
  const basis: ReturnBasisPref = prefs.returnBasis ?? 'price';
  const pick = (symbol: string, onBasis: ReturnBasisPref = 'price'): ChosenSeries =>
    commonAsOf === null
      ? notChosen(symbol, 'no common as-of date')
      : chooseSeries(symbol, available, commonAsOf, onBasis);
  const sp500 = pick(SP_500);
  const r2kReturns = basis === 'price' ? r2k : pick(RUSSELL_2000, basis);
  const sp500Returns = basis === 'price' ? sp500 : pick(SP_500, basis);
  const benchmarks = prefs.benchmarks
    .filter((b, i) => b !== RUSSELL_2000 && prefs.benchmarks.indexOf(b) === i)
    .map((b) => (b === SP_500 ? sp500Returns : pick(b, basis)));
  const notes: string[] = [];
  for (const c of [r2k, sp500, r2kReturns, sp500Returns, ...benchmarks]) {
    if (c.choice.note !== null && !notes.includes(c.choice.note)) notes.push(c.choice.note);
  }
  return {
    asOf: commonAsOf,
    russell2000: r2k,
    sp500,
    russell2000Returns: r2kReturns,
    sp500Returns,
    benchmarks,
    notes,
  };
}
