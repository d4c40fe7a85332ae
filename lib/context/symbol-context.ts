import { lastDate } from '../metrics/as-of';
import type { Period } from '../metrics/period';
import { RUSSELL_2000 } from './benchmarks';
import { BETA_WINDOW_DAYS, DEFAULT_COMPARISON_PREFS } from './comparison-prefs';
import type { ComparisonPrefs } from './comparison-prefs';
import {
  coMovementFigures,
  comparisonFigure,
  drawdownFigures,
  returnFigure,
  volatilityFigure,
} from './comparison-figures';
import type { Comparison, DrawdownFigures, PeriodFigure } from './comparison-figures';
import { INDEX_REVENUE_EXPOSURE } from './domestic-revenue';
import type { RevenueExposure } from './domestic-revenue';
import { fromResult, joinSources, unavailable } from './figure';
import type { Figure } from './figure';
import { russell2000Membership } from './membership';
import type { MembershipInput, Russell2000Membership } from './membership';
import type { PricedSeries, SeriesBySymbol } from './priced-series';
import { rebasedChart } from './rebased-chart';
import type { RebasedChart } from './rebased-chart';
import { chooseRequiredSeries, chooseSeries, notChosen } from './series-choice';
import type { ChosenSeries, SeriesChoice } from './series-choice';
import { longestPeriodFirst } from './period-order';
import { lastCloseFigure } from './last-close';
import type { LastClose } from './last-close';
import { sectorShareFigure } from './sector-share';
import type { SectorShare, SectorTotal } from './sector-share';
import { RATE_SENSITIVITY_WINDOW_DAYS } from './comparison-prefs';
import { TEN_YEAR_YIELD } from './benchmarks';
import { rateSensitivityDetailed } from '../metrics/rate-sensitivity';
import type { RateSensitivity } from '../metrics/rate-sensitivity';
import type { MembershipInstrument } from './membership';

/** Who the symbol is: its name and listing, with where the name comes from. */
export interface SymbolProfile {
  /** Company or fund name as its source writes it ("Sprouts Farmers Market, Inc."). */
  name: string;
  /** Listing venue for display ("Nasdaq", "NYSE"), or `null` when unknown. */
  exchange: string | null;
  /** Where the name comes from ("NASDAQ Trader symbol directory, 2025-07-21"). */
  source: string;
}

/** The symbol's rate sensitivity beside the Russell 2000's, over the same window. */
export interface SymbolRateSensitivity {
  windowDays: number;
  /** Symbol of the yield series used, or `null` when none was given. */
  yieldSymbol: string | null;
  symbol: Figure<RateSensitivity>;
  russell2000: Figure<RateSensitivity>;
}

/** What the hover card needs to build its view. */
export interface SymbolContextInput {
  /** The symbol's daily series, closes adjusted for splits and dividends. */
  series: PricedSeries;
  /** Benchmark series by symbol (`^RUT`, `IWM`, `^GSPC`, `SPY`, `^IXIC`, `QQQ`, ...). */
  available: SeriesBySymbol;
  /** Russell 2000 holdings data; omitted means membership is unknown. */
  membership?: MembershipInput;
  prefs?: ComparisonPrefs;
  /** Latest date figures may be as of (default: the symbol's last date). */
  asOf?: string;
  /** What the symbol is (a fund or an index is never called a member). Default `stock`. */
  instrument?: MembershipInstrument;
  /** Name and listing from a symbol directory or the holdings; omitted when unknown. */
  profile?: SymbolProfile;
  /** Quoted closes aligned with `series.dates` (`null` where only the adjusted close is known). */
  quotedCloses?: readonly (number | null)[];
  /** 10-year Treasury yield in percent (default: `available['^TNX']`). */
  yields?: PricedSeries;
  /** Sector totals of the holdings file `membership` comes from. */
  sectorTotals?: Readonly<Record<string, SectorTotal>>;
  /** Writes dates in sentences (the membership reason); ISO as given by default. */
  formatDate?: (iso: string) => string;
}

/** The symbol's returns against one benchmark, period by period. */
export interface BenchmarkComparison {
  benchmark: SeriesChoice;
  periods: PeriodFigure<Comparison>[];
}

/** The hover card's view model. All returns and drawdowns are fractions. */
export interface SymbolContext {
  symbol: string;
  /** Name, exchange and the name's source; `null` when no directory or holdings row names it. */
  profile: SymbolProfile | null;
  /** The symbol's own last close (on its own last date) and the change from the close before. */
  lastClose: Figure<LastClose>;
  /** Last date of the symbol's own series (may be later than `asOf`), or `null` when empty. */
  symbolLastDate: string | null;
  /** First date of the symbol's own series, or `null` when empty. */
  symbolFirstDate: string | null;
  /** Trading days (closes) in the symbol's series up to `asOf`. */
  symbolDays: number;
  /** The one date every comparison is made on: the earliest last date of the series used. */
  asOf: string | null;
  /** Notes for the UI: proxies used, benchmarks left out, an as-of earlier than the symbol's data. */
  notes: string[];
  russell2000: SeriesChoice;
  /** Chosen benchmarks other than the Russell 2000, in the order chosen. */
  benchmarks: SeriesChoice[];
  periods: Period[];
  /** The symbol's own return per period. */
  returns: PeriodFigure<number>[];
  /** Against the Russell 2000 first, then each chosen benchmark. */
  relative: BenchmarkComparison[];
  /** Annualized realized volatility (fraction) of the symbol and of the Russell 2000, side by side. */
  volatility: { windowDays: number; symbol: Figure<number>; russell2000: Figure<number> };
  /** Beta and correlation to the Russell 2000 over {@link BETA_WINDOW_DAYS} shared trading days. */
  betaWindowDays: number;
  betaToRussell2000: Figure<number>;
  correlationToRussell2000: Figure<number>;
  drawdown: DrawdownFigures;
  membership: Russell2000Membership;
  /** The member's weight within its sector of the index (missing for a non-member). */
  sectorShare: Figure<SectorShare>;
  /** Return per +1 point of the 10-year yield: the symbol's and the Russell 2000's, same window. */
  rateSensitivity: SymbolRateSensitivity;
  /** Index-level revenue exposure (a published constant, with its source and date). */
  revenueExposure: RevenueExposure;
  /** The symbol and the Russell 2000 rebased to 100 over the longest chosen period the data covers. */
  chart: Figure<RebasedChart>;
  /** The same chart for each chosen period (the card's period switch), in the periods' order. */
  charts: PeriodFigure<RebasedChart>[];
}

function chartFigure(
  inputs: { chosen: ChosenSeries | null; series: PricedSeries | null; label: string }[],
  periods: readonly Period[],
  asOf: string | null,
): Figure<RebasedChart> {
  const drawable = inputs.filter(
    (i): i is { chosen: ChosenSeries | null; series: PricedSeries; label: string } =>
      i.series !== null,
  );
  if (asOf === null || drawable.length === 0) return unavailable('nothing to chart', asOf);
  const source = joinSources(...drawable.map((i) => i.series.source));
  const ordered = longestPeriodFirst(periods);
  let last: Figure<RebasedChart> = unavailable('no period chosen', asOf, source);
  for (const period of ordered) {
    const result = rebasedChart(
      drawable.map((i) => ({ series: i.series, symbol: i.series.symbol, label: i.label })),
      period,
      asOf,
    );
    last = fromResult(result, asOf, source);
    if (result.value !== null) return last;
  }
  return last;
}

function symbolRateSensitivity(
  series: PricedSeries | null,
  r2k: ChosenSeries,
  yields: PricedSeries | undefined,
  asOf: string | null,
): SymbolRateSensitivity {
  const windowDays = RATE_SENSITIVITY_WINDOW_DAYS;
  const one = (s: PricedSeries | null, why: string): Figure<RateSensitivity> => {
    if (yields === undefined || yields.dates.length === 0) {
      return unavailable('no 10-year yield series given', asOf);
    }
    if (s === null || asOf === null) return unavailable(why, asOf);
    const source = joinSources(s.source, yields.source);
    return fromResult(rateSensitivityDetailed(s, yields, windowDays, asOf), asOf, source);
  };
  return {
    windowDays,
    yieldSymbol: yields?.symbol ?? null,
    symbol: one(series, 'no common as-of date'),
    russell2000: one(r2k.series, r2k.choice.note ?? 'no Russell 2000 series'),
  };
}

/**
 * Builds the hover card's view model for one symbol. Every comparison is made on one common
 * as-of date: the symbol's last date (or `input.asOf` if earlier), moved back to the Russell 2000's
 * last date if that is earlier. A chosen benchmark whose history ends before that date is replaced
 * by its ETF when the ETF reaches it (`proxyFor`, `note`), otherwise left out with a note; figures
 * are never taken from different dates. The last close is the symbol's own (its last date, which
 * may be later than the as-of date). Rate sensitivity regresses on the 10-year yield over
 * {@link RATE_SENSITIVITY_WINDOW_DAYS} shared trading days, the same window for the symbol and
 * the Russell 2000. Volatility uses `prefs.volatilityWindow` trading days,
 * beta and correlation {@link BETA_WINDOW_DAYS}; missing figures carry a reason. Pure: no I/O.
 */
export function buildSymbolContext(input: SymbolContextInput): SymbolContext {
  const prefs = input.prefs ?? DEFAULT_COMPARISON_PREFS;
  const basis = prefs.returnBasis ?? 'price';
  const { series, available } = input;
  const symbolLast = lastDate(series);
  const anchor =
    symbolLast === null
      ? null
      : input.asOf !== undefined && input.asOf < symbolLast
        ? input.asOf
        : symbolLast;
  const notes: string[] = [];
  let asOf: string | null = null;
  let r2k: ChosenSeries;
  if (anchor === null) {
    r2k = notChosen(RUSSELL_2000, `no closes for ${series.symbol}`);
  } else {
    const required = chooseRequiredSeries(RUSSELL_2000, available, anchor, basis);
    r2k = required.chosen;
    // Without any Russell 2000 data the symbol's own figures are still shown, on its own date.
    asOf = required.asOf ?? anchor;
  }
  if (r2k.choice.note !== null) notes.push(r2k.choice.note);
  if (r2k.choice.note === null && asOf !== null && symbolLast !== null && asOf < symbolLast) {
    notes.push(`figures are as of ${asOf}; ${series.symbol} has closes to ${symbolLast}`);
  }
  const others = prefs.benchmarks
    .filter((b, i) => b !== RUSSELL_2000 && prefs.benchmarks.indexOf(b) === i)
    .map((b) =>
      asOf === null
        ? notChosen(b, 'no common as-of date')
        : chooseSeries(b, available, asOf, basis),
    );
  for (const b of others) if (b.choice.note !== null) notes.push(b.choice.note);

  const symbolSeries = asOf === null ? null : series;
  const coMovement = coMovementFigures(symbolSeries, r2k, BETA_WINDOW_DAYS, asOf);
  const periods = [...prefs.periods];
  const chartInputs = [
    { chosen: null, series: symbolSeries, label: series.symbol },
    { chosen: r2k, series: r2k.series, label: r2k.choice.name },
  ];
  const membership = russell2000Membership(
    input.membership,
    input.instrument ?? 'stock',
    input.formatDate,
  );
  return {
    symbol: series.symbol,
    profile: input.profile ?? null,
    lastClose: lastCloseFigure(series, input.quotedCloses),
    symbolLastDate: symbolLast,
    symbolFirstDate: series.dates[0] ?? null,
    symbolDays: asOf === null ? 0 : series.dates.filter((d) => d <= asOf).length,
    asOf,
    notes,
    russell2000: r2k.choice,
    benchmarks: others.map((b) => b.choice),
    periods,
    returns: periods.map((period) => ({
      period,
      figure: returnFigure(symbolSeries, period, asOf),
    })),
    relative: [r2k, ...others].map((b) => ({
      benchmark: b.choice,
      periods: periods.map((period) => ({
        period,
        figure: comparisonFigure(symbolSeries, b, period, asOf),
      })),
    })),
    volatility: {
      windowDays: prefs.volatilityWindow,
      symbol: volatilityFigure(symbolSeries, prefs.volatilityWindow, asOf),
      russell2000: volatilityFigure(r2k.series, prefs.volatilityWindow, asOf, r2k),
    },
    betaWindowDays: BETA_WINDOW_DAYS,
    betaToRussell2000: coMovement.beta,
    correlationToRussell2000: coMovement.correlation,
    drawdown: drawdownFigures(symbolSeries, asOf),
    membership,
    sectorShare: sectorShareFigure(membership, input.sectorTotals),
    rateSensitivity: symbolRateSensitivity(
      symbolSeries,
      r2k,
      input.yields ?? available[TEN_YEAR_YIELD],
      asOf,
    ),
    revenueExposure: INDEX_REVENUE_EXPOSURE,
    chart: chartFigure(chartInputs, periods, asOf),
    charts: periods.map((period) => ({ period, figure: chartFigure(chartInputs, [period], asOf) })),
  };
}
