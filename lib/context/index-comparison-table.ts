import { subtractMonths } from '../metrics/calendar-date';
import { periodReturnDetailed } from '../metrics/period-return';
import { rateSensitivityDetailed } from '../metrics/rate-sensitivity';
import type { RateSensitivity } from '../metrics/rate-sensitivity';
import {
  NASDAQ_COMPOSITE,
  RUSSELL_2000,
  SP_500,
  TEN_YEAR_YIELD,
  benchmarkInfo,
} from './benchmarks';
import { coMovementFigures, volatilityFigure } from './comparison-figures';
import { BETA_WINDOW_DAYS, RATE_SENSITIVITY_WINDOW_DAYS } from './comparison-prefs';
import { chooseDashboardSeries } from './dashboard-series';
import { DRAWDOWN_EPISODES, episodeDrawdown } from './drawdown-episodes';
import type { EpisodeDefinition, EpisodeFigures } from './drawdown-episodes';
import { fromResult, joinSources, known, missingFigure, unavailable } from './figure';
import type { Figure } from './figure';
import { CONTEXT_ROWS, REVENUE_QUOTES } from './index-profiles';
import type { ContextRow, RevenueQuote } from './index-profiles';
import type { PricedSeries, SeriesBySymbol } from './priced-series';
import type { ChosenSeries, SeriesChoice } from './series-choice';
import { seriesUpTo } from './series-up-to';

/** Trading days of the long-run volatility row (five years). */
export const LONG_VOLATILITY_DAYS = 1260;

/** One index's 2008 or 2020 episode, from the series that covers it. */
export interface EpisodeCell {
  /** The series used (`^IXIC` for the Nasdaq Composite even when QQQ stands in today), or `null`. */
  symbol: string | null;
  decline: Figure<EpisodeFigures>;
  /**
   * Return (fraction) over the 12 months after the Russell 2000's trough, from that same date for
   * every index, so the rebounds are compared on one window.
   */
  yearAfter: Figure<number>;
}

/** An episode across the three indexes. */
export interface EpisodeRow {
  definition: EpisodeDefinition;
  /** The Russell 2000's trough date: the start of every `yearAfter` window, or `null`. */
  from: string | null;
  cells: EpisodeCell[];
}

/** The seed's comparison of the three indexes, measured where the data allows. */
export interface IndexComparisonTable {
  asOf: string | null;
  /** Russell 2000, S&P 500, Nasdaq Composite: the series used for current figures. */
  indexes: SeriesChoice[];
  notes: string[];
  /** Realized volatility (annualized fraction) over `windowDays`, per index. */
  volatility: { windowDays: number; figures: Figure<number>[] }[];
  /** Beta to the S&P 500 over {@link BETA_WINDOW_DAYS} shared days (the S&P 500's own is 1). */
  beta: { windowDays: number; figures: Figure<number>[] };
  /** Return per +1 point of the 10-year yield over {@link RATE_SENSITIVITY_WINDOW_DAYS} days. */
  rateSensitivity: { windowDays: number; figures: Figure<RateSensitivity>[] };
  episodes: EpisodeRow[];
  /** Published revenue splits per index (empty when none is quoted). */
  revenue: (readonly RevenueQuote[])[];
  /** The qualitative rows, worded as context. */
  context: readonly ContextRow[];
}

/** What the table is built from. */
export interface IndexComparisonInput {
  available: SeriesBySymbol;
  /** Volatility window of the first volatility row, trading days (the user's, 63 by default). */
  volatilityWindow?: number;
  asOf?: string;
}

/** The series whose history covers an episode: the index itself, else its ETF (noted). */
function episodeSeries(
  symbol: string,
  available: SeriesBySymbol,
  from: string,
): PricedSeries | null {
  const covers = (s: PricedSeries | undefined): s is PricedSeries =>
    s !== undefined && s.dates.length > 0 && (s.dates[0] as string) <= from;
  const own = available[symbol];
  if (covers(own)) return own;
  const etf = benchmarkInfo(symbol).proxyEtf;
  const proxy = etf === null ? undefined : available[etf];
  return covers(proxy) ? proxy : null;
}

function yearAfter(series: PricedSeries | null, from: string | null, asOf: string): Figure<number> {
  if (series === null || from === null) return unavailable('no series covers the episode', asOf);
  const end = subtractMonths(from, -12);
  if (end > asOf) return unavailable(`a year after ${from} is after ${asOf}`, asOf, series.source);
  const r = periodReturnDetailed(series, '1Y', end);
  return r.value === null
    ? missingFigure<number>(r, end, series.source)
    : known(r.value.value, end, series.source);
}

/**
 * The comparison of the Russell 2000, the S&P 500 and the Nasdaq Composite that the product's
 * domain notes lay out, measured where the data allows: realized volatility over the chosen
 * window and over five years, beta to the S&P 500, rate sensitivity to the 10-year yield, the 2008
 * and 2020 declines with their recoveries and the year after the Russell 2000's trough, and the
 * published revenue splits (quoted with publisher and date). Current figures use the dashboard's
 * series and as-of date (the Nasdaq Composite's ETF when its own history ends earlier); the
 * episodes use each index's own history when it covers them. The qualitative rows come with what
 * they rest on. Missing figures carry their reason. Pure.
 */
export function buildIndexComparisonTable(input: IndexComparisonInput): IndexComparisonTable {
  const { available } = input;
  const chosen = chooseDashboardSeries(
    available,
    { benchmarks: [SP_500, NASDAQ_COMPOSITE] },
    input.asOf,
  );
  const { asOf } = chosen;
  const nasdaq = chosen.benchmarks.find(
    (b) => b.choice.requested === NASDAQ_COMPOSITE,
  ) as ChosenSeries;
  const columns: ChosenSeries[] = [chosen.russell2000, chosen.sp500, nasdaq];
  const window = input.volatilityWindow ?? 63;
  const volatilityRow = (days: number) => ({
    windowDays: days,
    figures: columns.map((c) => volatilityFigure(c.series, days, asOf, c)),
  });
  const yields = available[TEN_YEAR_YIELD];
  const rate = columns.map((c): Figure<RateSensitivity> => {
    if (c.series === null || asOf === null)
      return unavailable(c.choice.note ?? 'series not available', asOf);
    if (yields === undefined) return unavailable('no 10-year yield series', asOf, c.series.source);
    return fromResult(
      rateSensitivityDetailed(c.series, yields, RATE_SENSITIVITY_WINDOW_DAYS, asOf),
      asOf,
      joinSources(c.series.source, yields.source),
    );
  });
  const episodes: EpisodeRow[] = DRAWDOWN_EPISODES.map((definition) => {
    const series = [RUSSELL_2000, SP_500, NASDAQ_COMPOSITE].map((s) =>
      asOf === null || definition.from > asOf ? null : episodeSeries(s, available, definition.from),
    );
    const declines = series.map((s): Figure<EpisodeFigures> => {
      if (s === null || asOf === null) {
        return unavailable(
          asOf !== null && definition.from > asOf
            ? `the episode starts after ${asOf}`
            : `no series covers ${definition.from} to ${definition.to}`,
          asOf,
        );
      }
      return fromResult(episodeDrawdown(seriesUpTo(s, asOf), definition), asOf, s.source);
    });
    const from = declines[0]?.value?.troughDate ?? null;
    return {
      definition,
      from,
      cells: series.map((s, k) => ({
        symbol: s?.symbol ?? null,
        decline: declines[k] as Figure<EpisodeFigures>,
        yearAfter:
          asOf === null ? unavailable<number>('no as-of date', asOf) : yearAfter(s, from, asOf),
      })),
    };
  });
  const beta = columns.map(
    (c) => coMovementFigures(c.series, chosen.sp500, BETA_WINDOW_DAYS, asOf).beta,
  );
  return {
    asOf,
    indexes: columns.map((c) => c.choice),
    notes: chosen.notes,
    volatility: [volatilityRow(window), volatilityRow(LONG_VOLATILITY_DAYS)],
    beta: { windowDays: BETA_WINDOW_DAYS, figures: beta },
    rateSensitivity: { windowDays: RATE_SENSITIVITY_WINDOW_DAYS, figures: rate },
    episodes,
    revenue: columns.map((c) => REVENUE_QUOTES[c.choice.requested] ?? []),
    context: CONTEXT_ROWS,
  };
}
