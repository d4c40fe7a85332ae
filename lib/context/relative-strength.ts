import { indexOnOrBefore } from '../metrics/lookup';
import type { Period } from '../metrics/period';
import { comparisonFigure } from './comparison-figures';
import type { PeriodFigure } from './comparison-figures';
import { fromResult, joinSources, known, unavailable } from './figure';
import type { Figure } from './figure';
import { rebasedChart } from './rebased-chart';
import type { RebasedChart } from './rebased-chart';
import type { ChosenSeries, SeriesChoice } from './series-choice';

/** Small-cap leadership: the Russell 2000 / S&P 500 price ratio and how it moved. */
export interface RelativeStrength {
  numerator: SeriesChoice;
  denominator: SeriesChoice;
  /** Russell 2000 close / S&P 500 close on the as-of date (a plain ratio of index levels). */
  ratio: Figure<number>;
  /** The ratio rebased to 100 one year before the as-of date (above 100: small caps led). */
  rebased: Figure<number>;
  /** Change of the ratio over each period, as a fraction (the relative-performance `ratio`). */
  changes: PeriodFigure<number>[];
  /** Direction over 3 months: `rising` (small caps leading) when the ratio gained over 0.5%. */
  trend: Figure<'rising' | 'falling' | 'flat'>;
  /** One line, `ratio`, rebased to 100 over one year. */
  chart: Figure<RebasedChart>;
}

/** Change of the ratio below which the trend is called flat (fraction, 0.005 = 0.5%). */
export const FLAT_TREND_THRESHOLD = 0.005;

/** Periods over which the ratio's change is reported. */
export const RELATIVE_STRENGTH_PERIODS: readonly Period[] = ['3M', '1Y'];

/**
 * Relative strength of `numerator` (the Russell 2000) against `denominator` (the S&P 500) on
 * `asOf`, from the dates both series have. When either is an ETF proxy (dividend-adjusted), the
 * ratio mixes a total-return and a price series; the choices' notes say which was used.
 */
export function relativeStrength(
  numerator: ChosenSeries,
  denominator: ChosenSeries,
  asOf: string | null,
): RelativeStrength {
  const a = numerator.series;
  const b = denominator.series;
  const base = { numerator: numerator.choice, denominator: denominator.choice };
  if (a === null || b === null || asOf === null) {
    const note = (a === null ? numerator : denominator).choice.note ?? 'series not available';
    return {
      ...base,
      ratio: unavailable(note, asOf),
      rebased: unavailable(note, asOf),
      changes: RELATIVE_STRENGTH_PERIODS.map((period) => ({
        period,
        figure: unavailable(note, asOf),
      })),
      trend: unavailable(note, asOf),
      chart: unavailable(note, asOf),
    };
  }
  const source = joinSources(a.source, b.source);
  const changes = RELATIVE_STRENGTH_PERIODS.map((period) => {
    const c = comparisonFigure(a, denominator, period, asOf);
    return {
      period,
      figure: c.value === null ? { ...c, value: null } : known(c.value.ratio, asOf, source),
    };
  });
  const i = indexOnOrBefore(a.dates, asOf);
  const j = indexOnOrBefore(b.dates, asOf);
  const ratio =
    i >= 0 && j >= 0 && a.dates[i] === b.dates[j]
      ? known((a.closes[i] as number) / (b.closes[j] as number), asOf, source)
      : unavailable<number>(`no close of both on ${asOf}`, asOf, source);
  const oneYear = changes.find((c) => c.period === '1Y')?.figure;
  const rebased =
    oneYear?.value === null || oneYear === undefined
      ? unavailable<number>(oneYear?.detail ?? 'no 1Y change', asOf, source)
      : known(100 * (1 + oneYear.value), asOf, source);
  const threeMonths = changes.find((c) => c.period === '3M')?.figure;
  const trend =
    threeMonths?.value === null || threeMonths === undefined
      ? unavailable<'rising' | 'falling' | 'flat'>(
          threeMonths?.detail ?? 'no 3M change',
          asOf,
          source,
        )
      : known(
          threeMonths.value > FLAT_TREND_THRESHOLD
            ? ('rising' as const)
            : threeMonths.value < -FLAT_TREND_THRESHOLD
              ? ('falling' as const)
              : ('flat' as const),
          asOf,
          source,
        );
  const pair = rebasedChart(
    [
      { series: a, symbol: a.symbol, label: numerator.choice.name },
      { series: b, symbol: b.symbol, label: denominator.choice.name },
    ],
    '1Y',
    asOf,
  );
  const chart =
    pair.value === null
      ? fromResult<RebasedChart>(pair, asOf, source)
      : known<RebasedChart>(
          {
            ...pair.value,
            lines: [
              {
                symbol: `${a.symbol}/${b.symbol}`,
                label: `${numerator.choice.name} / ${denominator.choice.name}`,
                values: pair.value.lines[0]!.values.map(
                  (v, k) => (100 * v) / pair.value.lines[1]!.values[k]!,
                ),
              },
            ],
          },
          asOf,
          source,
        );
  return { ...base, ratio, rebased, changes, trend, chart };
}
