import { currentDrawdownDetailed, maxDrawdownDetailed } from '../metrics/drawdown';
import type { CurrentDrawdown, MaxDrawdown } from '../metrics/drawdown';
import { periodReturnDetailed } from '../metrics/period-return';
import { periodStartDate } from '../metrics/period';
import type { Period } from '../metrics/period';
import { realizedVolatilityDetailed } from '../metrics/realized-volatility';
import { coMovementDetailed } from '../metrics/beta-correlation';
import { relativePerformanceDetailed } from '../metrics/relative-performance';
import { fromResult, joinSources, known, missingFigure, unavailable } from './figure';
import type { Figure } from './figure';
import type { PricedSeries } from './priced-series';
import type { ChosenSeries } from './series-choice';
import { seriesUpTo } from './series-up-to';

/** An asset's and a benchmark's returns over one period, as fractions, and how they compare. */
export interface Comparison {
  asset: number;
  benchmark: number;
  /** `asset − benchmark`. */
  excess: number;
  /** `(1 + asset) / (1 + benchmark) − 1`. */
  ratio: number;
}

/** A figure for one period. */
export interface PeriodFigure<T> {
  period: Period;
  figure: Figure<T>;
}

/** Current drawdown and the maximum drawdown of the last year, both as of the common date. */
export interface DrawdownFigures {
  current: Figure<CurrentDrawdown>;
  /** Maximum drawdown from 1Y before the as-of date to the as-of date. */
  maxOneYear: Figure<MaxDrawdown>;
}

function missingSeries<T>(chosen: ChosenSeries | null, asOf: string | null): Figure<T> {
  return unavailable(chosen?.choice.note ?? 'series not available', asOf);
}

/** The series' own return over `period` on `asOf` (fraction). */
export function returnFigure(
  series: PricedSeries | null,
  period: Period,
  asOf: string | null,
  chosen: ChosenSeries | null = null,
): Figure<number> {
  if (series === null || asOf === null) return missingSeries(chosen, asOf);
  const result = periodReturnDetailed(series, period, asOf);
  return result.value === null
    ? missingFigure<number>(result, asOf, series.source)
    : known(result.value.value, asOf, series.source);
}

/** The asset's return against the benchmark's over `period`, both on `asOf`. */
export function comparisonFigure(
  asset: PricedSeries | null,
  benchmark: ChosenSeries,
  period: Period,
  asOf: string | null,
): Figure<Comparison> {
  const series = benchmark.series;
  if (asset === null || series === null || asOf === null) return missingSeries(benchmark, asOf);
  const source = joinSources(asset.source, series.source);
  const r = relativePerformanceDetailed(asset, series, period, asOf);
  if (r.asset === null || r.benchmark === null || r.excess === null || r.ratio === null) {
    const reason = r.assetReason ?? r.benchmarkReason ?? 'unavailable';
    const who = r.assetReason !== undefined ? asset.symbol : series.symbol;
    const detail = `${who}: ${r.assetDetail ?? r.benchmarkDetail ?? 'no return'}`;
    return { value: null, reason, detail, asOf, source };
  }
  return known(
    { asset: r.asset, benchmark: r.benchmark, excess: r.excess, ratio: r.ratio },
    asOf,
    source,
  );
}

/** Annualized realized volatility (fraction) over `windowDays` trading days to `asOf`. */
export function volatilityFigure(
  series: PricedSeries | null,
  windowDays: number,
  asOf: string | null,
  chosen: ChosenSeries | null = null,
): Figure<number> {
  if (series === null || asOf === null) return missingSeries(chosen, asOf);
  const result = realizedVolatilityDetailed(series, windowDays, asOf);
  return result.value === null
    ? missingFigure<number>(result, asOf, series.source)
    : known(result.value.value, asOf, series.source);
}

/** Beta and correlation of `asset` to `benchmark` over `windowDays` shared trading days to `asOf`. */
export function coMovementFigures(
  asset: PricedSeries | null,
  benchmark: ChosenSeries,
  windowDays: number,
  asOf: string | null,
): { beta: Figure<number>; correlation: Figure<number> } {
  const series = benchmark.series;
  if (asset === null || series === null || asOf === null) {
    return { beta: missingSeries(benchmark, asOf), correlation: missingSeries(benchmark, asOf) };
  }
  const source = joinSources(asset.source, series.source);
  const { beta, correlation } = coMovementDetailed(asset, series, windowDays, asOf);
  return {
    beta:
      beta.value === null
        ? missingFigure<number>(beta, asOf, source)
        : known(beta.value.value, asOf, source),
    correlation:
      correlation.value === null
        ? missingFigure<number>(correlation, asOf, source)
        : known(correlation.value.value, asOf, source),
  };
}

/** Current drawdown (from the all-time high of the series) and the 1-year maximum drawdown. */
export function drawdownFigures(
  series: PricedSeries | null,
  asOf: string | null,
  chosen: ChosenSeries | null = null,
): DrawdownFigures {
  if (series === null || asOf === null) {
    return { current: missingSeries(chosen, asOf), maxOneYear: missingSeries(chosen, asOf) };
  }
  // The recovery search runs to the end of the series: stop it at the as-of date.
  const upTo = seriesUpTo(series, asOf);
  const oneYearStart = periodStartDate('1Y', asOf);
  const first = upTo.dates[0] as string;
  const maxOneYear =
    first > oneYearStart
      ? fromResult<MaxDrawdown>(
          {
            value: null,
            reason: 'insufficient-history',
            detail: `the series starts ${first}, less than a year before ${asOf}`,
          },
          asOf,
          upTo.source,
        )
      : fromResult(maxDrawdownDetailed(upTo, oneYearStart, asOf), asOf, upTo.source);
  return {
    current: fromResult(currentDrawdownDetailed(upTo, asOf), asOf, upTo.source),
    maxOneYear,
  };
}
