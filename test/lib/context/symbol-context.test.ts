import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARISON_PREFS } from '../../../lib/context/comparison-prefs';
import { INDEX_REVENUE_EXPOSURE } from '../../../lib/context/domestic-revenue';
import { buildSymbolContext } from '../../../lib/context/symbol-context';
import type { Holding, SnapshotSeries } from '../../../lib/snapshot/types';
import { closeOn } from '../metrics/fixture-series';
import {
  naiveBeta,
  naiveCorrelation,
  naiveMaxDrawdown,
  naiveVolatility,
} from '../metrics/naive-metrics';
import { figuresWithoutProvenance, nonFiniteNumbers } from './no-nan';
import { realBenchmarks, stock, upTo } from './real-series';

const all = realBenchmarks();
/** The card as it would have looked on 2024-03-08, the last day of the stock fixtures. */
const on20240308 = upTo(all, '2024-03-08');
const sfm = stock('SFM');
const sfmHolding: Holding = {
  ticker: 'SFM',
  name: 'SPROUTS FARMERS MARKET INC',
  sector: 'Consumer Staples',
  weight: 0.0049,
  location: 'United States',
  exchange: 'NASDAQ',
};

describe('buildSymbolContext for SFM on 2024-03-08', () => {
  const ctx = buildSymbolContext({
    series: sfm,
    available: on20240308,
    membership: { holding: sfmHolding, asOf: '2025-05-13', source: 'iShares IWM holdings' },
  });

  it('makes every comparison on one as-of date and uses QQQ for the Nasdaq Composite', () => {
    expect(ctx.asOf).toBe('2024-03-08');
    expect(ctx.russell2000.usedSymbol).toBe('^RUT');
    expect(ctx.benchmarks.map((b) => [b.requested, b.usedSymbol, b.proxyFor])).toEqual([
      ['^GSPC', '^GSPC', null],
      ['^IXIC', 'QQQ', '^IXIC'],
    ]);
    expect(ctx.notes).toEqual([
      'Nasdaq Composite history ends 2022-05-04; QQQ used (it tracks a related index, not the Nasdaq Composite)',
    ]);
    expect(ctx.periods).toEqual(DEFAULT_COMPARISON_PREFS.periods);
  });

  it('relative performance vs the Russell 2000 over 1Y, checked by hand from closes', () => {
    // 1Y start 2023-03-08 (a Wednesday): SFM and ^RUT closes on 2023-03-08 and 2024-03-08.
    const a = closeOn(sfm, '2024-03-08') / closeOn(sfm, '2023-03-08') - 1;
    const b = closeOn(all['^RUT']!, '2024-03-08') / closeOn(all['^RUT']!, '2023-03-08') - 1;
    const cell = ctx.relative[0]?.periods.find((p) => p.period === '1Y')?.figure;
    expect(ctx.relative[0]?.benchmark.requested).toBe('^RUT');
    expect(cell?.value?.asset).toBeCloseTo(a, 12);
    expect(cell?.value?.benchmark).toBeCloseTo(b, 12);
    expect(cell?.value?.excess).toBeCloseTo(a - b, 12);
    expect(cell?.value?.ratio).toBeCloseTo((1 + a) / (1 + b) - 1, 12);
    expect(cell?.asOf).toBe('2024-03-08');
    expect(cell?.source).toBe(`${sfm.source}; ${all['^RUT']!.source}`);
    expect(ctx.returns.find((r) => r.period === '1Y')?.figure.value).toBeCloseTo(a, 12);
  });

  it('volatility side by side, beta and correlation to the Russell 2000 match the second implementation', () => {
    expect(ctx.volatility.windowDays).toBe(63);
    expect(ctx.volatility.symbol.value).toBeCloseTo(naiveVolatility(sfm, 63, '2024-03-08'), 12);
    expect(ctx.volatility.russell2000.value).toBeCloseTo(
      naiveVolatility(all['^RUT']!, 63, '2024-03-08'),
      12,
    );
    expect(ctx.betaWindowDays).toBe(252);
    expect(ctx.betaToRussell2000.value).toBeCloseTo(
      naiveBeta(sfm, all['^RUT']!, 252, '2024-03-08'),
      10,
    );
    expect(ctx.correlationToRussell2000.value).toBeCloseTo(
      naiveCorrelation(sfm, all['^RUT']!, 252, '2024-03-08'),
      10,
    );
  });

  it('current and 1-year maximum drawdown', () => {
    expect(ctx.drawdown.maxOneYear.value?.drawdown).toBeCloseTo(
      naiveMaxDrawdown(sfm, '2023-03-08', '2024-03-08'),
      12,
    );
    expect(ctx.drawdown.current.value?.date).toBe('2024-03-08');
    expect(ctx.drawdown.current.value?.drawdown).toBeLessThanOrEqual(0);
  });

  it('membership and the index-level revenue exposure with its source and date', () => {
    expect(ctx.membership).toEqual({
      status: 'member',
      reason: null,
      reasonText: null,
      name: 'SPROUTS FARMERS MARKET INC',
      sector: 'Consumer Staples',
      weight: 0.0049,
      domicile: 'United States',
      exchange: 'NASDAQ',
      asOf: '2025-05-13',
      source: 'iShares IWM holdings',
    });
    expect(ctx.revenueExposure).toBe(INDEX_REVENUE_EXPOSURE);
    expect(ctx.revenueExposure).toMatchObject({
      russell2000NonUsRevenueShare: 0.1978,
      russell1000NonUsRevenueShare: 0.3939,
      asOf: '2023-09-29',
    });
    expect(ctx.revenueExposure.sourceText).toContain('FTSE Russell, as of 2023-09-29');
  });

  it('charts SFM and the Russell 2000 rebased to 100 over the longest chosen period (1Y)', () => {
    const chart = ctx.chart.value;
    expect(chart?.period).toBe('1Y');
    expect(chart?.lines.map((l) => [l.symbol, l.values[0]])).toEqual([
      ['SFM', 100],
      ['^RUT', 100],
    ]);
    expect(chart?.dates.at(-1)).toBe('2024-03-08');
    expect(chart?.dates.length).toBeLessThanOrEqual(260);
  });

  it('never carries NaN or Infinity, and every present figure has as-of and source', () => {
    expect(nonFiniteNumbers(ctx)).toEqual([]);
    expect(figuresWithoutProvenance(ctx)).toEqual([]);
  });
});

describe('buildSymbolContext: missing data and the common as-of', () => {
  it('IONQ (listed 2021): 5Y figures are null with a reason, the chart falls back to 3Y', () => {
    const ctx = buildSymbolContext({
      series: stock('IONQ'),
      available: on20240308,
      prefs: { benchmarks: ['^GSPC'], periods: ['1M', '3Y', '5Y'], volatilityWindow: 21 },
    });
    const fiveYear = ctx.relative[0]?.periods.find((p) => p.period === '5Y')?.figure;
    expect(fiveYear?.value).toBeNull();
    expect(fiveYear?.reason).toBe('insufficient-history');
    expect(fiveYear?.detail).toMatch(/^IONQ: the series starts 2021-01-04/);
    expect(ctx.chart.value?.period).toBe('3Y');
    expect(ctx.membership.status).toBe('unknown');
    expect(nonFiniteNumbers(ctx)).toEqual([]);
  });

  it('a symbol with closes after the Russell 2000 ends is compared on the Russell 2000 date', () => {
    const ctx = buildSymbolContext({ series: all.SPY!, available: all });
    expect(ctx.asOf).toBe('2026-02-20');
    expect(ctx.symbolLastDate).toBe('2026-08-21');
    expect(ctx.notes[0]).toBe('Russell 2000 data ends 2026-02-20; figures are as of 2026-02-20');
    // Nothing after the as-of date leaks in: the drawdown is measured on 2026-02-20.
    expect(ctx.drawdown.current.value?.date).toBe('2026-02-20');
    const oneYear = ctx.relative[1]?.periods.find((p) => p.period === '1Y')?.figure.value;
    expect(oneYear?.asset).toBeCloseTo(689.429993 / 605.078125 - 1, 6);
  });

  it('a benchmark with no usable series is left out with a note, other figures still computed', () => {
    const { QQQ: _q, ...withoutQqq } = all;
    const ctx = buildSymbolContext({ series: all.IWM!, available: withoutQqq });
    const nasdaq = ctx.relative.find((r) => r.benchmark.requested === '^IXIC');
    expect(nasdaq?.benchmark.usedSymbol).toBeNull();
    expect(nasdaq?.periods[0]?.figure).toMatchObject({ value: null, reason: 'unavailable' });
    expect(ctx.relative[0]?.periods[0]?.figure.value).not.toBeNull();
  });

  it("without any Russell 2000 series, the symbol's own figures remain, on its own date", () => {
    const ctx = buildSymbolContext({ series: stock('SFM'), available: { '^GSPC': all['^GSPC']! } });
    expect(ctx.asOf).toBe('2024-03-08');
    expect(ctx.russell2000.usedSymbol).toBeNull();
    expect(ctx.notes[0]).toBe('no Russell 2000 series available; left out');
    expect(ctx.returns[0]?.figure.value).not.toBeNull();
    expect(ctx.betaToRussell2000.reason).toBe('unavailable');
    expect(ctx.relative[1]?.periods[0]?.figure.value).not.toBeNull();
    expect(ctx.chart.value?.lines.map((l) => l.symbol)).toEqual(['SFM']);
    expect(nonFiniteNumbers(ctx)).toEqual([]);
  });

  it('a stock not in the holdings file is "not-listed" with the file date', () => {
    const ctx = buildSymbolContext({
      series: stock('NVDA'),
      available: on20240308,
      membership: { holding: null, asOf: '2025-05-13', source: 'iShares IWM holdings' },
    });
    expect(ctx.membership).toMatchObject({
      status: 'not-listed',
      sector: null,
      asOf: '2025-05-13',
    });
  });

  it('an empty symbol series gives no as-of and only unavailable figures', () => {
    const ctx = buildSymbolContext({
      series: { symbol: 'NONE', source: 'test', dates: [], closes: [] },
      available: all,
    });
    expect(ctx.asOf).toBeNull();
    expect(ctx.returns.every((r) => r.figure.value === null)).toBe(true);
    expect(ctx.chart.value).toBeNull();
    expect(nonFiniteNumbers(ctx)).toEqual([]);
  });

  it('identical closes: beta and correlation are null with zero-variance, volatility is 0', () => {
    const rut = all['^RUT']!;
    const flat = {
      symbol: 'FLAT',
      source: 'test',
      dates: rut.dates.slice(-300),
      closes: rut.dates.slice(-300).map(() => 10),
    };
    const ctx = buildSymbolContext({ series: flat, available: all });
    expect(ctx.betaToRussell2000.value).toBe(0);
    expect(ctx.correlationToRussell2000).toMatchObject({ value: null, reason: 'zero-variance' });
    expect(ctx.volatility.symbol.value).toBe(0);
  });
});

describe('buildSymbolContext accepts the bundled snapshot types as they are', () => {
  it('SnapshotSeries for the symbol and Record<string, SnapshotSeries> for the benchmarks', () => {
    const snapshotLike = (
      s: (typeof all)[string],
      kind: SnapshotSeries['kind'],
    ): SnapshotSeries => ({
      ...s,
      name: s.symbol,
      kind,
      adjusted: true,
      asOf: s.dates.at(-1) as string,
      gaps: [],
    });
    const series: Record<string, SnapshotSeries> = {
      '^RUT': snapshotLike(all['^RUT']!, 'index'),
      '^GSPC': snapshotLike(all['^GSPC']!, 'index'),
      QQQ: snapshotLike(all.QQQ!, 'etf'),
    };
    const ctx = buildSymbolContext({ series: snapshotLike(all.IWM!, 'etf'), available: series });
    expect(ctx.asOf).toBe('2026-02-20');
    expect(ctx.russell2000.returnBasis).toBe('price');
    expect(ctx.benchmarks.map((b) => b.usedSymbol)).toEqual(['^GSPC', 'QQQ']);
  });
});
