import { drawdownCurve } from '../metrics/drawdown-curve';
import { indexOnOrAfter, indexOnOrBefore } from '../metrics/lookup';
import { missing, present } from '../metrics/metric-result';
import type { MetricResult } from '../metrics/metric-result';
import { periodStartDate } from '../metrics/period';
import { rollingVolatility } from '../metrics/rolling-volatility';
import type { Series } from '../series/series';
import { roundTo, sampleIndices } from './chart-sampling';
import { DEFAULT_COMPARISON_PREFS } from './comparison-prefs';
import type { ComparisonPrefs } from './comparison-prefs';
import { chooseDashboardSeries } from './dashboard-series';
import { DRAWDOWN_EPISODES, episodeDrawdown } from './drawdown-episodes';
import { fromResult, joinSources, unavailable } from './figure';
import type { Figure } from './figure';
import type { PricedSeries, SeriesBySymbol } from './priced-series';
import { MAX_CHART_POINTS } from './rebased-chart';
import type { ChosenSeries } from './series-choice';
import { seriesUpTo } from './series-up-to';

/** A chart's time window: a return period ending on the as-of date, or all the shared history. */
export type ChartView = '1M' | '3M' | 'YTD' | '1Y' | '5Y' | 'max';

/** Views of the rebased chart, shortest first. */
export const REBASED_VIEWS: readonly ChartView[] = ['1M', '3M', 'YTD', '1Y', '5Y', 'max'];

/** Views of the long-horizon charts (ratio, volatility, drawdown). */
export const LONG_VIEWS: readonly ChartView[] = ['1Y', '5Y', 'max'];

/** Most points of a `max` view (decades of closes); shorter views keep {@link MAX_CHART_POINTS}. */
export const LONG_CHART_POINTS = 400;

/** Trading days of the ratio's moving average (one year). */
export const RATIO_TREND_DAYS = 252;

/** One line of a chart: a value per date of the chart, `null` where there is none. */
export interface CurveLine {
  symbol: string;
  label: string;
  values: (number | null)[];
  /** Highest and lowest value over the view at full daily resolution (the drawn points are a sample). */
  high: DatedPoint | null;
  low: DatedPoint | null;
}

/** A value on a date. */
export interface DatedPoint {
  date: string;
  value: number;
}

/**
 * The highest and lowest of `valueAt(i)` for `i` in `[from, to]` (first date of each wins ties),
 * rounded to `digits`; `null` when no value is known.
 */
function extremes(
  dates: readonly string[],
  from: number,
  to: number,
  valueAt: (i: number) => number | null | undefined,
  digits: number,
): { high: DatedPoint | null; low: DatedPoint | null } {
  let high = -1;
  let low = -1;
  let highValue = -Infinity;
  let lowValue = Infinity;
  for (let i = from; i <= to; i += 1) {
    const v = valueAt(i);
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v > highValue) {
      highValue = v;
      high = i;
    }
    if (v < lowValue) {
      lowValue = v;
      low = i;
    }
  }
  const point = (i: number, v: number): DatedPoint | null =>
    i < 0 ? null : { date: dates[i] as string, value: roundTo(v, digits) as number };
  return { high: point(high, highValue), low: point(low, lowValue) };
}

/** A date the chart marks: a crisis trough, today, or an episode's stretch. */
export interface ChartMarker {
  /** `2008`, `2020` (the episodes of {@link DRAWDOWN_EPISODES}) or `today`. */
  id: string;
  label: string;
  /** The marked date (a trough, the as-of date), one of the chart's dates. */
  date: string;
  /** The first line's value on `date`. */
  value: number | null;
  /** Start of the shaded stretch (the episode's peak) when the marker is a span ending on `date`. */
  from?: string;
}

/** A line chart over one view. */
export interface CurveChart {
  view: ChartView;
  /** First date shown: the base date of a rebased chart. */
  startDate: string;
  /** Dates shown, ascending (downsampled: at most {@link MAX_CHART_POINTS}, or {@link LONG_CHART_POINTS} for `max`, plus marked dates). */
  dates: string[];
  lines: CurveLine[];
  markers: ChartMarker[];
}

/** A chart for one view, or why there is none. */
export interface ViewFigure {
  view: ChartView;
  figure: Figure<CurveChart>;
}

/** The popup's charts, all ending on one as-of date. */
export interface DashboardCharts {
  asOf: string | null;
  /** Proxies used and benchmarks left out. */
  notes: string[];
  /** The Russell 2000, the S&P 500 and the chosen benchmarks, rebased to 100 at the view's start (values to 0.01). */
  rebased: ViewFigure[];
  /**
   * Russell 2000 / S&P 500, rebased to 100 at the view's start (rising: small caps leading), and
   * its {@link RATIO_TREND_DAYS}-day moving average on the same base; the 2008 and 2020 episodes
   * as spans (values to 0.01).
   */
  ratio: ViewFigure[];
  /** Rolling realized volatility of the Russell 2000 and the S&P 500 (annualized fractions to 0.0001). */
  volatility: { windowDays: number; views: ViewFigure[] };
  /**
   * Drawdown from the highest close so far of the Russell 2000 and the S&P 500 (fractions ≤ 0, to
   * 0.0001), with the 2008 and 2020 troughs and today marked on the Russell 2000's line.
   */
  drawdown: ViewFigure[];
}

/** What the charts are built from. */
export interface DashboardChartsInput {
  /** Series by symbol, as for the dashboard (the long `^RUT` and `^GSPC` histories for `max`). */
  available: SeriesBySymbol;
  prefs?: ComparisonPrefs;
  asOf?: string;
}

interface Joined {
  dates: string[];
  /** closes[k][i]: series k on dates[i]. */
  closes: number[][];
}

/** The dates every series has up to `asOf` (inner join), with each series' closes on them. */
function innerJoin(series: readonly Series[], asOf: string): Joined {
  const ends = series.map((s) => indexOnOrBefore(s.dates, asOf));
  const pointers = series.map(() => 0);
  const dates: string[] = [];
  const closes: number[][] = series.map(() => []);
  const width = series.length;
  for (;;) {
    let latest = '';
    for (let k = 0; k < width; k += 1) {
      if (pointers[k]! > ends[k]!) return { dates, closes };
      const d = series[k]!.dates[pointers[k]!] as string;
      if (d > latest) latest = d;
    }
    let all = true;
    for (let k = 0; k < width; k += 1) {
      const s = series[k]!;
      while (pointers[k]! <= ends[k]! && (s.dates[pointers[k]!] as string) < latest)
        pointers[k]! += 1;
      if (pointers[k]! > ends[k]!) return { dates, closes };
      if (s.dates[pointers[k]!] !== latest) all = false;
    }
    if (!all) continue;
    dates.push(latest);
    for (let k = 0; k < width; k += 1) {
      closes[k]!.push(series[k]!.closes[pointers[k]!] as number);
      pointers[k]! += 1;
    }
  }
}

function viewStart(view: ChartView, asOf: string): string | null {
  return view === 'max' ? null : periodStartDate(view, asOf);
}

/**
 * Index of the view's first point in `dates`: the last date on or before the view's start, or 0
 * for `max`; `null` when the dates do not reach back to the start.
 */
function baseIndex(dates: readonly string[], view: ChartView, asOf: string): MetricResult<number> {
  if (dates.length === 0) return missing('insufficient-history', 'the series share no closes');
  const start = viewStart(view, asOf);
  if (start === null) return present(0);
  const at = indexOnOrBefore(dates, start);
  if (at < 0) {
    return missing(
      'insufficient-history',
      `the shared history starts ${dates[0]}, after ${start} (${view} before ${asOf})`,
    );
  }
  return present(at);
}

function pointsFor(view: ChartView): number {
  return view === 'max' ? LONG_CHART_POINTS : MAX_CHART_POINTS;
}

function labelOf(chosen: ChosenSeries): string {
  const s = chosen.series as PricedSeries;
  return chosen.choice.proxyFor === null
    ? chosen.choice.name
    : `${s.symbol} (for ${chosen.choice.name})`;
}

interface Episode {
  id: string;
  label: string;
  peakDate: string;
  troughDate: string;
}

/** The Russell 2000's 2008 and 2020 episodes (peak and trough within each window). */
function episodesOf(series: PricedSeries, asOf: string): Episode[] {
  const upTo = seriesUpTo(series, asOf);
  return DRAWDOWN_EPISODES.flatMap((definition) => {
    if (definition.from > asOf) return [];
    const e = episodeDrawdown(upTo, definition).value;
    return e === null
      ? []
      : [
          {
            id: definition.id,
            label: definition.label,
            peakDate: e.peakDate,
            troughDate: e.troughDate,
          },
        ];
  });
}

function rebasedViews(chosen: ChosenSeries[], asOf: string): ViewFigure[] {
  const usable = chosen.filter(
    (c): c is ChosenSeries & { series: PricedSeries } => c.series !== null,
  );
  const source = joinSources(...usable.map((c) => c.series.source));
  const joined = innerJoin(
    usable.map((c) => c.series),
    asOf,
  );
  return REBASED_VIEWS.map((view) => {
    if (usable.length === 0)
      return { view, figure: unavailable<CurveChart>('nothing to chart', asOf) };
    const base = baseIndex(joined.dates, view, asOf);
    if (base.value === null) return { view, figure: fromResult<CurveChart>(base, asOf, source) };
    const b = base.value;
    const n = joined.dates.length - b;
    const picks = sampleIndices(n, pointsFor(view)).map((i) => i + b);
    return {
      view,
      figure: fromResult<CurveChart>(
        present({
          view,
          startDate: joined.dates[b] as string,
          dates: picks.map((i) => joined.dates[i] as string),
          lines: usable.map((c, k) => {
            const closes = joined.closes[k]!;
            const first = closes[b] as number;
            return {
              symbol: c.series.symbol,
              label: labelOf(c),
              values: picks.map((i) => roundTo(((closes[i] as number) * 100) / first, 2)),
              ...extremes(
                joined.dates,
                b,
                joined.dates.length - 1,
                (i) => ((closes[i] as number) * 100) / first,
                2,
              ),
            };
          }),
          markers: [],
        }),
        asOf,
        source,
      ),
    };
  });
}

function spanMarkers(
  episodes: Episode[],
  dates: readonly string[],
  startDate: string,
  valueAt: (date: string) => number | null,
): { markers: ChartMarker[]; keep: string[] } {
  const markers: ChartMarker[] = [];
  for (const e of episodes) {
    if (e.troughDate < startDate) continue;
    const at = indexOnOrBefore(dates, e.troughDate);
    if (at < 0) continue;
    const date = dates[at] as string;
    markers.push({
      id: e.id,
      label: e.label,
      date,
      value: valueAt(date),
      from: e.peakDate < startDate ? startDate : e.peakDate,
    });
  }
  return { markers, keep: markers.map((m) => m.date) };
}

function ratioViews(
  r2k: ChosenSeries,
  sp500: ChosenSeries,
  asOf: string,
  episodes: Episode[],
): ViewFigure[] {
  const a = r2k.series;
  const b = sp500.series;
  if (a === null || b === null) {
    const note = (a === null ? r2k : sp500).choice.note ?? 'series not available';
    return LONG_VIEWS.map((view) => ({ view, figure: unavailable<CurveChart>(note, asOf) }));
  }
  const source = joinSources(a.source, b.source);
  const joined = innerJoin([a, b], asOf);
  const ratio = joined.dates.map(
    (_, i) => (joined.closes[0]![i] as number) / (joined.closes[1]![i] as number),
  );
  const trend: (number | null)[] = [];
  let sum = 0;
  for (let i = 0; i < ratio.length; i += 1) {
    sum += ratio[i] as number;
    if (i >= RATIO_TREND_DAYS) sum -= ratio[i - RATIO_TREND_DAYS] as number;
    trend.push(i >= RATIO_TREND_DAYS - 1 ? sum / RATIO_TREND_DAYS : null);
  }
  const label = `${r2k.choice.name} / ${sp500.choice.name}`;
  return LONG_VIEWS.map((view) => {
    const base = baseIndex(joined.dates, view, asOf);
    if (base.value === null) return { view, figure: fromResult<CurveChart>(base, asOf, source) };
    const bi = base.value;
    const first = ratio[bi] as number;
    const startDate = joined.dates[bi] as string;
    const inView = joined.dates.slice(bi);
    const { markers, keep } = spanMarkers(episodes, inView, startDate, (date) => {
      const i = indexOnOrBefore(joined.dates, date);
      return roundTo((100 * (ratio[i] as number)) / first, 2);
    });
    const keepIdx = keep.map((d) => inView.indexOf(d));
    const picks = sampleIndices(inView.length, pointsFor(view), 'even', [], keepIdx).map(
      (i) => i + bi,
    );
    return {
      view,
      figure: fromResult<CurveChart>(
        present({
          view,
          startDate,
          dates: picks.map((i) => joined.dates[i] as string),
          lines: [
            {
              symbol: `${a.symbol}/${b.symbol}`,
              label,
              values: picks.map((i) => roundTo((100 * (ratio[i] as number)) / first, 2)),
              ...extremes(
                joined.dates,
                bi,
                joined.dates.length - 1,
                (i) => (100 * (ratio[i] as number)) / first,
                2,
              ),
            },
            {
              symbol: `${a.symbol}/${b.symbol} avg`,
              label: '1-year average',
              values: picks.map((i) => {
                const t = trend[i];
                return t === null || t === undefined ? null : roundTo((100 * t) / first, 2);
              }),
              ...extremes(
                joined.dates,
                bi,
                joined.dates.length - 1,
                (i) => {
                  const t = trend[i];
                  return t === null || t === undefined ? null : (100 * t) / first;
                },
                2,
              ),
            },
          ],
          markers,
        }),
        asOf,
        source,
      ),
    };
  });
}

/**
 * A chart over the first series' dates of two daily curves (`curves[k]` per series), the second
 * aligned on exact dates (`null` where it has no value).
 */
function pairedCurveViews(
  pair: { chosen: ChosenSeries; curve: { dates: string[]; values: (number | null)[] } | null }[],
  asOf: string,
  digits: number,
  mode: 'even' | 'lowest' | 'highest',
  markersFor: (
    dates: string[],
    startDate: string,
    valueAt: (date: string) => number | null,
  ) => {
    markers: ChartMarker[];
    keep: string[];
  },
): ViewFigure[] {
  const [first, ...rest] = pair;
  if (first === undefined || first.curve === null || first.chosen.series === null) {
    const note = first?.chosen.choice.note ?? 'series not available';
    return LONG_VIEWS.map((view) => ({ view, figure: unavailable<CurveChart>(note, asOf) }));
  }
  const main = first.curve;
  const source = joinSources(...pair.map((p) => p.chosen.series?.source));
  const end = indexOnOrBefore(main.dates, asOf);
  // A curve starts where its first value is known (a rolling window fills first).
  const firstKnown = main.values.findIndex((v) => v !== null);
  const known = firstKnown < 0 ? [] : main.dates.slice(firstKnown, end + 1);
  const knownValues = firstKnown < 0 ? [] : main.values.slice(firstKnown, end + 1);
  return LONG_VIEWS.map((view) => {
    const base = baseIndex(known, view, asOf);
    if (base.value === null) return { view, figure: fromResult<CurveChart>(base, asOf, source) };
    const bi = base.value;
    const inView = known.slice(bi);
    const viewValues = knownValues.slice(bi);
    const startDate = inView[0] as string;
    const valueAt = (date: string): number | null => {
      const i = indexOnOrBefore(known, date);
      return i < 0 ? null : roundTo(knownValues[i] ?? null, digits);
    };
    const { markers, keep } = markersFor(inView, startDate, valueAt);
    const keepIdx = keep.map((d) => inView.indexOf(d));
    const picks = sampleIndices(inView.length, pointsFor(view), mode, viewValues, keepIdx);
    const dates = picks.map((i) => inView[i] as string);
    return {
      view,
      figure: fromResult<CurveChart>(
        present({
          view,
          startDate,
          dates,
          lines: [
            {
              symbol: (first.chosen.series as PricedSeries).symbol,
              label: labelOf(first.chosen),
              values: picks.map((i) => roundTo(viewValues[i] ?? null, digits)),
              ...extremes(inView, 0, inView.length - 1, (i) => viewValues[i], digits),
            },
            ...rest
              .filter((p) => p.curve !== null && p.chosen.series !== null)
              .map((p) => {
                const curve = p.curve as { dates: string[]; values: (number | null)[] };
                const from = indexOnOrAfter(curve.dates, startDate);
                const to = indexOnOrBefore(curve.dates, asOf);
                return {
                  symbol: (p.chosen.series as PricedSeries).symbol,
                  label: labelOf(p.chosen),
                  values: dates.map((d) => {
                    const i = indexOnOrBefore(curve.dates, d);
                    return i >= 0 && curve.dates[i] === d
                      ? roundTo(curve.values[i] ?? null, digits)
                      : null;
                  }),
                  ...extremes(curve.dates, from, to, (i) => curve.values[i], digits),
                };
              }),
          ],
          markers,
        }),
        asOf,
        source,
      ),
    };
  });
}

/**
 * The popup's charts, on the dashboard's as-of date and series choices (see
 * `chooseDashboardSeries`): the indexes rebased to 100 over each of {@link REBASED_VIEWS}, and
 * over each of {@link LONG_VIEWS} the Russell 2000 / S&P 500 ratio with its trend, the rolling
 * volatility of both over the chosen window, and both drawdown curves with the 2008 and 2020
 * troughs and today marked. Each view is a figure of its own: one that the data cannot cover (a
 * 5Y view of a series with two years) carries the reason. Values are rounded for drawing (see
 * {@link DashboardCharts}). Pure.
 */
export function buildDashboardCharts(input: DashboardChartsInput): DashboardCharts {
  const prefs = input.prefs ?? DEFAULT_COMPARISON_PREFS;
  const chosen = chooseDashboardSeries(input.available, prefs, input.asOf);
  const { asOf, russell2000: r2k, sp500 } = chosen;
  const windowDays = prefs.volatilityWindow;
  if (asOf === null || r2k.series === null) {
    const note = r2k.choice.note ?? 'no Russell 2000 series';
    const none = (views: readonly ChartView[]): ViewFigure[] =>
      views.map((view) => ({ view, figure: unavailable<CurveChart>(note, asOf) }));
    return {
      asOf,
      notes: chosen.notes,
      rebased: none(REBASED_VIEWS),
      ratio: none(LONG_VIEWS),
      volatility: { windowDays, views: none(LONG_VIEWS) },
      drawdown: none(LONG_VIEWS),
    };
  }
  const episodes = episodesOf(r2k.series, asOf);
  // Nothing is charted before the Russell 2000's first close (the S&P 500's history goes back to 1927).
  const r2kStart = r2k.series.dates[0] as string;
  const charted = [r2k, sp500, ...chosen.benchmarks.filter((b) => b !== sp500)];
  const volOf = (c: ChosenSeries) =>
    c.series === null ? null : rollingVolatility(c.series, windowDays, r2kStart, asOf).value;
  const drawdownOf = (c: ChosenSeries) =>
    c.series === null ? null : drawdownCurve(c.series, undefined, asOf).value;
  const spans = (dates: string[], startDate: string, valueAt: (d: string) => number | null) =>
    spanMarkers(episodes, dates, startDate, valueAt);
  return {
    asOf,
    notes: chosen.notes,
    rebased: rebasedViews(charted, asOf),
    ratio: ratioViews(r2k, sp500, asOf, episodes),
    volatility: {
      windowDays,
      views: pairedCurveViews(
        [
          { chosen: r2k, curve: volOf(r2k) },
          { chosen: sp500, curve: volOf(sp500) },
        ],
        asOf,
        4,
        'highest',
        spans,
      ),
    },
    drawdown: pairedCurveViews(
      [
        { chosen: r2k, curve: drawdownOf(r2k) },
        { chosen: sp500, curve: drawdownOf(sp500) },
      ],
      asOf,
      4,
      'lowest',
      (dates, startDate, valueAt) => {
        const markers: ChartMarker[] = [];
        for (const e of episodes) {
          if (e.troughDate < startDate) continue;
          markers.push({
            id: e.id,
            label: `${e.label} trough`,
            date: e.troughDate,
            value: valueAt(e.troughDate),
          });
        }
        const today = dates.at(-1) as string;
        markers.push({ id: 'today', label: 'Today', date: today, value: valueAt(today) });
        return { markers, keep: markers.map((m) => m.date) };
      },
    ),
  };
}
