import { lastDate } from '../metrics/as-of';
import { benchmarkInfo } from './benchmarks';
import type { ReturnBasisPref } from './comparison-prefs';
import type { PricedSeries, SeriesBySymbol } from './priced-series';

/** Which series stands for a requested index in a comparison, and why. */
export interface SeriesChoice {
  /** The index asked for (`^IXIC`). */
  requested: string;
  /** Its name (`Nasdaq Composite`). */
  name: string;
  /** The series actually used (`^IXIC`, or its ETF `QQQ`), or `null` when none reaches the as-of date. */
  usedSymbol: string | null;
  /** The index an ETF stands in for (`^IXIC` when `QQQ` is used), else `null`. */
  proxyFor: string | null;
  /** Why a proxy is used or the benchmark is left out, for the UI; `null` when the index itself is used. */
  note: string | null;
  /** Last date of the series used, or `null`. */
  lastDate: string | null;
  /** Source of the series used, or `null`. */
  source: string | null;
  /**
   * What the series' returns measure: `price` for an index (`^` symbols; dividends excluded),
   * `total-return` for a fund or stock with adjusted closes; `null` when nothing is used. A stock
   * compared with a price index is credited with its dividends and the index is not, by about the
   * index's dividend yield a year.
   */
  returnBasis: ReturnBasis | null;
}

/** What a series' returns include. */
export type ReturnBasis = 'price' | 'total-return';

/** `price` for an index symbol (`^RUT`), `total-return` otherwise (adjusted closes). */
export function returnBasisOf(symbol: string): ReturnBasis {
  return symbol.startsWith('^') ? 'price' : 'total-return';
}

/** A {@link SeriesChoice} with the series it picked. */
export interface ChosenSeries {
  choice: SeriesChoice;
  series: PricedSeries | null;
}

function usable(series: PricedSeries | undefined): series is PricedSeries {
  return series !== undefined && series.dates.length > 0;
}

/** True when `series` has closes on or before `asOf` and runs at least to `asOf`. */
export function reaches(series: PricedSeries, asOf: string): boolean {
  const last = lastDate(series);
  return last !== null && last >= asOf && (series.dates[0] as string) <= asOf;
}

function proxyNote(requested: string, etf: string, indexSeries: PricedSeries | undefined): string {
  const info = benchmarkInfo(requested);
  const why = usable(indexSeries)
    ? `${info.name} history ends ${lastDate(indexSeries)}`
    : `no ${info.name} series`;
  const relation =
    info.proxyRelation === 'approximates'
      ? ` (it tracks a related index, not the ${info.name})`
      : '';
  return `${why}; ${etf} used${relation}`;
}

function chosen(
  requested: string,
  series: PricedSeries,
  proxyFor: string | null,
  note: string | null,
): ChosenSeries {
  return {
    choice: {
      requested,
      name: benchmarkInfo(requested).name,
      usedSymbol: series.symbol,
      proxyFor,
      note,
      lastDate: lastDate(series),
      source: series.source,
      returnBasis: returnBasisOf(series.symbol),
    },
    series,
  };
}

/**
 * The series that stands for `requested` on `asOf`: the index itself when its history reaches
 * `asOf`, else its proxy ETF (registry) when that reaches it (with a note saying so), else none
 * (`usedSymbol: null`, with a note): a benchmark is never compared on an earlier date silently.
 *
 * With `basis: 'total-return'`, an index whose fund tracks it (IWM, SPY, QQQ for the Nasdaq-100,
 * DIA) is represented by that fund's dividend-adjusted closes when they reach `asOf`; an index
 * without a tracking fund, or whose fund has no data yet, stays on price, and the note says so.
 */
export function chooseSeries(
  requested: string,
  available: SeriesBySymbol,
  asOf: string,
  basis: ReturnBasisPref = 'price',
): ChosenSeries {
  if (basis === 'total-return' && requested.startsWith('^')) {
    const info = benchmarkInfo(requested);
    const fund = info.proxyRelation === 'tracks' ? info.proxyEtf : null;
    const fundSeries = fund === null ? undefined : available[fund];
    if (fund !== null && usable(fundSeries) && reaches(fundSeries, asOf)) {
      return chosen(requested, fundSeries, requested, `total return through ${fund}`);
    }
    const price = chooseSeries(requested, available, asOf, 'price');
    // A stand-in fund (QQQ for the Nasdaq Composite) already has dividends in; its note says why.
    if (price.series === null || price.choice.returnBasis !== 'price') return price;
    const why =
      fund === null ? `no fund tracks the ${info.name}` : `no ${fund} data reaches ${asOf}`;
    const note = `${info.name}: price return (${why})`;
    return {
      ...price,
      choice: {
        ...price.choice,
        note: price.choice.note === null ? note : `${price.choice.note}; ${note}`,
      },
    };
  }
  const index = available[requested];
  if (usable(index) && reaches(index, asOf)) return chosen(requested, index, null, null);
  const etfSymbol = benchmarkInfo(requested).proxyEtf;
  const etf = etfSymbol === null ? undefined : available[etfSymbol];
  if (etfSymbol !== null && usable(etf) && reaches(etf, asOf)) {
    return chosen(requested, etf, requested, proxyNote(requested, etfSymbol, index));
  }
  const name = benchmarkInfo(requested).name;
  const ends = [index, etf]
    .filter(usable)
    .map((s) => `${s.symbol} ends ${lastDate(s)}`)
    .join(', ');
  return {
    choice: {
      requested,
      name,
      usedSymbol: null,
      proxyFor: null,
      note:
        ends === ''
          ? `no ${name} series available; left out`
          : `${name} data does not reach ${asOf} (${ends}); left out`,
      lastDate: null,
      source: null,
      returnBasis: null,
    },
    series: null,
  };
}

/**
 * A series that must be present (the Russell 2000 of a card): as {@link chooseSeries} on `anchor`;
 * when neither the index nor its ETF reaches `anchor`, the one ending later is used and the
 * comparison's as-of date moves back to its last date (returned as `asOf`, with a note).
 * `asOf` is `anchor` when the choice reaches it, and `null` when no series exists at all.
 */
export function chooseRequiredSeries(
  requested: string,
  available: SeriesBySymbol,
  anchor: string,
  basis: ReturnBasisPref = 'price',
): { chosen: ChosenSeries; asOf: string | null } {
  const first = chooseSeries(requested, available, anchor, basis);
  if (first.series !== null) return { chosen: first, asOf: anchor };
  const etfSymbol = benchmarkInfo(requested).proxyEtf;
  const candidates = [available[requested], etfSymbol === null ? undefined : available[etfSymbol]]
    .filter(usable)
    .filter((s) => (s.dates[0] as string) <= anchor);
  if (candidates.length === 0) return { chosen: first, asOf: null };
  const latest = candidates.reduce((a, b) =>
    (lastDate(b) as string) > (lastDate(a) as string) ? b : a,
  );
  const last = lastDate(latest) as string;
  const isProxy = latest.symbol !== requested;
  const name = benchmarkInfo(requested).name;
  const note = `${name} data ends ${last}${isProxy ? ` (${latest.symbol})` : ''}; figures are as of ${last}`;
  return { chosen: chosen(requested, latest, isProxy ? requested : null, note), asOf: last };
}

/** A choice that picked nothing, with the reason as its note. */
export function notChosen(requested: string, note: string): ChosenSeries {
  return {
    choice: {
      requested,
      name: benchmarkInfo(requested).name,
      usedSymbol: null,
      proxyFor: null,
      note,
      lastDate: null,
      source: null,
      returnBasis: null,
    },
    series: null,
  };
}
