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
}

/** The symbol's returns against one benchmark, period by period. */
export interface BenchmarkComparison {
  benchmark: SeriesChoice;
  periods: PeriodFigure<Comparison>[];
}

/** The hover card's view model. All returns and drawdowns are fractions. */
export interface SymbolContext {
  symbol: string;
  /** Last date of the symbol's own series (may be later than `asOf`), or `null` when empty. */
  symbolLastDate: string | null;
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
  /** Index-level revenue exposure (a published constant, with its source and date). */
  revenueExposure: RevenueExposure;
  /** The symbol and the Russell 2000 rebased to 100 over the longest chosen period the data covers. */
  chart: Figure<RebasedChart>;
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

/**
 * Builds the hover card's view model for one symbol. Every comparison is made on one common
 * as-of date: the symbol's last date (or `input.asOf` if earlier), moved back to the Russell 2000's
 * last date if that is earlier. A chosen benchmark whose history ends before that date is replaced
 * by its ETF when the ETF reaches it (`proxyFor`, `note`), otherwise left out with a note; figures
 * are never taken from different dates. Volatility uses `prefs.volatilityWindow` trading days,
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
  return {
    symbol: series.symbol,
    symbolLastDate: symbolLast,
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
    membership: russell2000Membership(input.membership),
    revenueExposure: INDEX_REVENUE_EXPOSURE,
    chart: chartFigure(
      [
        { chosen: null, series: symbolSeries, label: series.symbol },
        { chosen: r2k, series: r2k.series, label: r2k.choice.name },
      ],
      periods,
      asOf,
    ),
  };
}
