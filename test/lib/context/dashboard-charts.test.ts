import { describe, expect, it } from 'vitest';
import {
  buildDashboardCharts,
  LONG_VIEWS,
  REBASED_VIEWS,
} from '../../../lib/context/dashboard-charts';
import type { CurveChart, ViewFigure } from '../../../lib/context/dashboard-charts';
import type { PricedSeries } from '../../../lib/context/priced-series';
import { rebasedChart } from '../../../lib/context/rebased-chart';
import { realizedVolatility } from '../../../lib/metrics/realized-volatility';
import { figuresWithoutProvenance, nonFiniteNumbers } from './no-nan';
import { realBenchmarks } from './real-series';

const all = realBenchmarks();
const charts = buildDashboardCharts({ available: all });

function view(figures: ViewFigure[], v: string): CurveChart {
  const chart = figures.find((f) => f.view === v)?.figure.value;
  if (!chart) throw new Error(`no ${v} chart`);
  return chart;
}

describe('buildDashboardCharts on the bundled data (^RUT to 2026-02-20)', () => {
  it('has every view of every chart, on the dashboard as-of date, with no NaN', () => {
    expect(charts.asOf).toBe('2026-02-20');
    expect(charts.rebased.map((r) => r.view)).toEqual([...REBASED_VIEWS]);
    for (const group of [charts.ratio, charts.volatility.views, charts.drawdown]) {
      expect(group.map((r) => r.view)).toEqual([...LONG_VIEWS]);
      for (const f of group) expect(f.figure.value).not.toBeNull();
    }
    expect(charts.notes).toEqual([
      'Nasdaq Composite history ends 2022-05-04; QQQ used (it tracks a related index, not the Nasdaq Composite)',
    ]);
    expect(nonFiniteNumbers(charts)).toEqual([]);
    // Markers and a line's high and low carry a `value` too; their provenance is the chart figure's.
    expect(
      figuresWithoutProvenance(charts).filter((p) => !/\.markers\[|\.high$|\.low$/.test(p)),
    ).toEqual([]);
  });

  it('rebases the 1Y view as rebasedChart does (the dashboard context chart)', () => {
    const chart = view(charts.rebased, '1Y');
    const reference = rebasedChart(
      [
        { series: all['^RUT']!, symbol: '^RUT', label: 'Russell 2000' },
        { series: all['^GSPC']!, symbol: '^GSPC', label: 'S&P 500' },
        { series: all.QQQ!, symbol: 'QQQ', label: 'QQQ' },
      ],
      '1Y',
      '2026-02-20',
    ).value!;
    expect(chart.dates).toEqual(reference.dates);
    chart.lines.forEach((line, k) =>
      line.values.forEach((v, i) => expect(v).toBeCloseTo(reference.lines[k]!.values[i]!, 2)),
    );
    expect(chart.lines.map((l) => l.label)).toEqual([
      'Russell 2000',
      'S&P 500',
      'QQQ (for Nasdaq Composite)',
    ]);
    expect(chart.lines.map((l) => l.values.at(-1))).toEqual([117.78, 112.95, 113.75]);
  });

  it('starts the max view where every charted series has closes (QQQ, 1999-03-10), in 400 points', () => {
    const chart = view(charts.rebased, 'max');
    expect(chart.startDate).toBe('1999-03-10');
    expect(chart.dates).toHaveLength(400);
    expect(chart.lines.map((l) => l.values[0])).toEqual([100, 100, 100]);
    expect(chart.lines[0]!.values.at(-1)).toBe(664.09);
    expect(view(charts.rebased, 'YTD').startDate).toBe('2025-12-31');
    expect(view(charts.rebased, '1M').dates).toHaveLength(23);
  });

  it('shows small-cap leadership since 1987 with the 2008 and 2020 episodes on the long ratio view', () => {
    const chart = view(charts.ratio, 'max');
    expect(chart.startDate).toBe('1987-09-10');
    expect(chart.lines.map((l) => l.label)).toEqual(['Russell 2000 / S&P 500', '1-year average']);
    expect(chart.lines[0]!.values.at(-1)).toBe(72.36);
    // Highs and lows come from every close, not from the drawn sample.
    expect(chart.lines[0]!.high).toEqual({ date: '2014-03-04', value: 121.05 });
    expect(chart.lines[0]!.low).toEqual({ date: '1999-04-08', value: 55.84 });
    // The moving average needs a year of closes.
    expect(chart.lines[1]!.values[0]).toBeNull();
    expect(chart.lines[1]!.values.at(-1)).toBe(68.11);
    expect(chart.markers).toEqual([
      {
        id: '2008',
        label: '2008 financial crisis',
        date: '2009-03-09',
        value: 95.23,
        from: '2007-07-13',
      },
      {
        id: '2020',
        label: '2020 pandemic shock',
        date: '2020-03-18',
        value: 77.57,
        from: '2020-01-16',
      },
    ]);
    for (const m of chart.markers) expect(chart.dates).toContain(m.date);
    expect(view(charts.ratio, '1Y').markers).toEqual([]);
  });

  it('plots rolling 63-day volatility of both indexes, ending on realizedVolatility of the as-of date', () => {
    expect(charts.volatility.windowDays).toBe(63);
    const chart = view(charts.volatility.views, 'max');
    // The first window fills 63 closes after ^RUT's first (1987-09-10).
    expect(chart.startDate).toBe('1987-12-09');
    const [r2k, sp] = chart.lines;
    expect(r2k!.values.at(-1)).toBeCloseTo(realizedVolatility(all['^RUT']!, 63, '2026-02-20')!, 4);
    expect(sp!.values.at(-1)).toBeCloseTo(realizedVolatility(all['^GSPC']!, 63, '2026-02-20')!, 4);
    expect([r2k!.values.at(-1), sp!.values.at(-1)]).toEqual([0.1814, 0.1146]);
    // The 2008 peak (80.2% on 2008-12-16) is kept by the sample and reported as the high.
    expect(r2k!.high).toEqual({ date: '2008-12-16', value: 0.8019 });
    expect(r2k!.values).toContain(0.8019);
  });

  it('keeps the troughs on the drawdown curve and marks 2008, 2020 and today', () => {
    const chart = view(charts.drawdown, 'max');
    // The marked troughs are already the lowest points of their buckets.
    expect(chart.dates).toHaveLength(400);
    expect(Math.min(...chart.lines[0]!.values.map((v) => v ?? 0))).toBe(-0.5989);
    expect(chart.markers).toEqual([
      { id: '2008', label: '2008 financial crisis trough', date: '2009-03-09', value: -0.5989 },
      { id: '2020', label: '2020 pandemic shock trough', date: '2020-03-18', value: -0.4306 },
      { id: 'today', label: 'Today', date: '2026-02-20', value: -0.0202 },
    ]);
    for (const m of chart.markers) expect(chart.dates).toContain(m.date);
    expect(view(charts.drawdown, '5Y').markers.map((m) => m.id)).toEqual(['today']);
  });

  it('says why a view the data cannot cover is missing (three years of ^RUT, no IWM)', () => {
    const rut = all['^RUT']!;
    const from = rut.dates.indexOf('2023-01-03');
    const short: PricedSeries = {
      ...rut,
      dates: rut.dates.slice(from),
      closes: rut.closes.slice(from),
    };
    const partial = buildDashboardCharts({ available: { ...all, '^RUT': short, IWM: undefined } });
    const fiveYears = partial.rebased.find((r) => r.view === '5Y')!.figure;
    expect(fiveYears.value).toBeNull();
    expect(fiveYears.reason).toBe('insufficient-history');
    expect(fiveYears.detail).toBe(
      'the shared history starts 2023-01-03, after 2021-02-20 (5Y before 2026-02-20)',
    );
    expect(view(partial.rebased, 'max').startDate).toBe('2023-01-03');
    expect(view(partial.ratio, 'max').markers).toEqual([]);
  });

  it('has nothing to chart without a Russell 2000 series, and says so', () => {
    const none = buildDashboardCharts({ available: { '^GSPC': all['^GSPC'] } });
    expect(none.asOf).toBeNull();
    expect(none.rebased[0]!.figure.detail).toBe('no Russell 2000 series available');
  });
});
