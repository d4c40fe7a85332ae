import { indexOnOrBefore } from '../metrics/lookup';
import type { Period } from '../metrics/period';
import { rateSensitivityDetailed } from '../metrics/rate-sensitivity';
import type { RateSensitivity } from '../metrics/rate-sensitivity';
import type { CurrentDrawdown } from '../metrics/drawdown';
import { TEN_YEAR_YIELD } from './benchmarks';
import {
  BETA_WINDOW_DAYS,
  DEFAULT_COMPARISON_PREFS,
  RATE_SENSITIVITY_WINDOW_DAYS,
} from './comparison-prefs';
import type { ComparisonPrefs } from './comparison-prefs';
import {
  coMovementFigures,
  comparisonFigure,
  drawdownFigures,
  returnFigure,
  volatilityFigure,
} from './comparison-figures';
import type { Comparison, DrawdownFigures } from './comparison-figures';
import { DRAWDOWN_EPISODES, episodeDrawdown } from './drawdown-episodes';
import type { EpisodeDefinition, EpisodeFigures } from './drawdown-episodes';
import { fromResult, joinSources, known, unavailable } from './figure';
import type { Figure } from './figure';
import { unionOfPeriods } from './period-order';
import type { PricedSeries, SeriesBySymbol } from './priced-series';
import { rebasedChart } from './rebased-chart';
import type { RebasedChart } from './rebased-chart';
import { relativeStrength } from './relative-strength';
import { seriesUpTo } from './series-up-to';
import type { RelativeStrength } from './relative-strength';
import { chooseDashboardSeries } from './dashboard-series';
import type { ChosenSeries, SeriesChoice } from './series-choice';

/** What the popup needs to build its view. */
export interface DashboardContextInput {
  /** Series by symbol: `^RUT` (long history for the episodes), `IWM`, `^GSPC`, `SPY`, `^IXIC`, `QQQ`. */
  available: SeriesBySymbol;
  /** 10-year Treasury yield in percent (default: `available['^TNX']`). */
  yields?: PricedSeries;
  prefs?: ComparisonPrefs;
  /** Latest date figures may be as of (default: the Russell 2000's last date). */
  asOf?: string;
}

/** One row of the returns table: the Russell 2000's return and each benchmark against it. */
export interface DashboardReturnRow {
  period: Period;
  russell2000: Figure<number>;
  /** `asset` is the Russell 2000, `benchmark` the chosen benchmark. */
  benchmarks: { requested: string; figure: Figure<Comparison> }[];
}

/** Rate sensitivity of the Russell 2000 and of the S&P 500 over the same window. */
export interface RateSensitivityFigures {
  windowDays: number;
  /** Symbol of the yield series used, or `null` when none was given. */
  yieldSymbol: string | null;
  russell2000: Figure<RateSensitivity>;
  sp500: Figure<RateSensitivity>;
  /** Caveat for the UI: holes in the yield history, or why a figure is missing. */
  note: string | null;
}

/** A past episode, next to today's drawdown. */
export interface EpisodeFigure {
  definition: EpisodeDefinition;
  figure: Figure<EpisodeFigures>;
}

/** The popup's view model. Returns, drawdowns and volatilities are fractions. */
export interface DashboardContext {
  /** The one date every figure is as of. */
  asOf: string | null;
  notes: string[];
  russell2000: SeriesChoice;
  /** Last close of the Russell 2000 (index level, or the ETF price when a proxy is used). */
  lastClose: Figure<{ close: number; date: string }>;
  sp500: SeriesChoice;
  /** Chosen benchmarks, in the order chosen. */
  benchmarks: SeriesChoice[];
  /** 1M, YTD, 1Y and the chosen periods, shortest first. */
  periods: Period[];
  returns: DashboardReturnRow[];
  relativeStrength: RelativeStrength;
  volatility: {
    windowDays: number;
    russell2000: Figure<number>;
    sp500: Figure<number>;
    betaWindowDays: number;
    /** Beta of the Russell 2000 to the S&P 500 over one year of shared trading days. */
    betaToSp500: Figure<number>;
    correlationToSp500: Figure<number>;
  };
  drawdown: DrawdownFigures;
  rateSensitivity: RateSensitivityFigures;
  episodes: { current: Figure<CurrentDrawdown>; past: EpisodeFigure[] };
  /** The Russell 2000, the S&P 500 and the chosen benchmarks rebased to 100 over 1Y. */
  chart: Figure<RebasedChart>;
}

/** Periods the dashboard always shows. */
export const DASHBOARD_BASE_PERIODS: readonly Period[] = ['1M', 'YTD', '1Y'];

function rateFigures(
  r2k: ChosenSeries,
  sp500: ChosenSeries,
  yields: PricedSeries | undefined,
  asOf: string | null,
): RateSensitivityFigures {
  const windowDays = RATE_SENSITIVITY_WINDOW_DAYS;
  if (yields === undefined || yields.dates.length === 0) {
    const missing = unavailable<RateSensitivity>('no 10-year yield series given', asOf);
    return { windowDays, yieldSymbol: null, russell2000: missing, sp500: missing, note: null };
  }
  const one = (chosen: ChosenSeries): Figure<RateSensitivity> => {
    if (chosen.series === null || asOf === null) {
      return unavailable(chosen.choice.note ?? 'series not available', asOf);
    }
    const source = joinSources(chosen.series.source, yields.source);
    return fromResult(
      rateSensitivityDetailed(chosen.series, yields, windowDays, asOf),
      asOf,
      source,
    );
  };
  const russell2000 = one(r2k);
  const sp = one(sp500);
  const gaps = (yields.gaps ?? [])
    .filter((g) => asOf === null || g.from <= asOf)
    .map((g) => `${g.from} and ${g.to}`);
  const parts = [
    gaps.length > 0
      ? `the ${yields.symbol} history has no closes between ${gaps.join(', ')}; windows use only dates both series share`
      : null,
    russell2000.detail ?? sp.detail ?? null,
  ].filter((p): p is string => p !== null);
  return {
    windowDays,
    yieldSymbol: yields.symbol,
    russell2000,
    sp500: sp,
    note: parts.length > 0 ? parts.join('; ') : null,
  };
}

/**
 * Builds the popup's view model. The common as-of date is the Russell 2000's last date (the later
 * of `^RUT` and `IWM`, with IWM standing in when ^RUT ends earlier; capped by `input.asOf`); the
 * S&P 500 and each chosen benchmark are taken on that date, replaced by their ETF when their own
 * history ends earlier, or left out with a note. Episodes (2008, 2020) come from the Russell 2000
 * series given, so it should be the long ^RUT history. Rate sensitivity regresses on the given
 * 10-year yield over {@link RATE_SENSITIVITY_WINDOW_DAYS} shared trading days and says when the
 * yield history does not overlap enough. Pure: no I/O.
 */
export function buildDashboardContext(input: DashboardContextInput): DashboardContext {
  const prefs = input.prefs ?? DEFAULT_COMPARISON_PREFS;
  const { available } = input;
  const chosen = chooseDashboardSeries(available, prefs, input.asOf);
  const { asOf, sp500, sp500Returns, notes } = chosen;
  const r2k = chosen.russell2000;
  const r2kReturns = chosen.russell2000Returns;
  const others = chosen.benchmarks;
  const series = r2k.series;
  const returnsSeries = r2kReturns.series;
  const periods = unionOfPeriods(DASHBOARD_BASE_PERIODS, prefs.periods);

  let lastClose: Figure<{ close: number; date: string }>;
  const at = series === null || asOf === null ? -1 : indexOnOrBefore(series.dates, asOf);
  if (series === null || asOf === null || at < 0) {
    lastClose = unavailable(r2k.choice.note ?? 'no Russell 2000 series', asOf);
  } else {
    lastClose = known(
      { close: series.closes[at] as number, date: series.dates[at] as string },
      asOf,
      series.source,
    );
  }

  const drawdown = drawdownFigures(series, asOf, r2k);
  const toSp500 = coMovementFigures(series, sp500, BETA_WINDOW_DAYS, asOf);
  const chartSeries = [
    r2kReturns,
    sp500Returns,
    ...others.filter((o) => o !== sp500Returns),
  ].filter((c): c is ChosenSeries & { series: PricedSeries } => c.series !== null);
  const chartSource = joinSources(...chartSeries.map((c) => c.series.source));
  const chart =
    asOf === null || chartSeries.length === 0
      ? unavailable<RebasedChart>('nothing to chart', asOf)
      : fromResult(
          rebasedChart(
            chartSeries.map((c) => ({
              series: c.series,
              symbol: c.series.symbol,
              label:
                c.choice.proxyFor === null
                  ? c.choice.name
                  : `${c.series.symbol} (for ${c.choice.name})`,
            })),
            prefs.chartPeriod ?? '1Y',
            asOf,
          ),
          asOf,
          chartSource,
        );

  return {
    asOf,
    notes,
    russell2000: r2k.choice,
    lastClose,
    sp500: sp500.choice,
    benchmarks: others.map((o) => o.choice),
    periods,
    returns: periods.map((period) => ({
      period,
      russell2000: returnFigure(returnsSeries, period, asOf, r2kReturns),
      benchmarks: others.map((o) => ({
        requested: o.choice.requested,
        figure: comparisonFigure(returnsSeries, o, period, asOf),
      })),
    })),
    relativeStrength: relativeStrength(r2k, sp500, asOf),
    volatility: {
      windowDays: prefs.volatilityWindow,
      russell2000: volatilityFigure(series, prefs.volatilityWindow, asOf, r2k),
      sp500: volatilityFigure(sp500.series, prefs.volatilityWindow, asOf, sp500),
      betaWindowDays: BETA_WINDOW_DAYS,
      betaToSp500: toSp500.beta,
      correlationToSp500: toSp500.correlation,
    },
    drawdown,
    rateSensitivity: rateFigures(r2k, sp500, input.yields ?? available[TEN_YEAR_YIELD], asOf),
    episodes: {
      current: drawdown.current,
      past: DRAWDOWN_EPISODES.map((definition) => ({
        definition,
        figure:
          series === null
            ? unavailable<EpisodeFigures>(r2k.choice.note ?? 'no Russell 2000 series', asOf)
            : asOf === null || definition.from > asOf
              ? unavailable<EpisodeFigures>(`the episode starts after ${asOf}`, asOf, series.source)
              : fromResult(
                  episodeDrawdown(seriesUpTo(series, asOf), definition),
                  asOf,
                  series.source,
                ),
      })),
    },
    chart,
  };
}
