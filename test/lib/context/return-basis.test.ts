import { describe, expect, it } from 'vitest';
import { comparisonSymbols } from '../../../lib/context/comparison-symbols';
import { buildDashboardContext } from '../../../lib/context/dashboard-context';
import type { PricedSeries } from '../../../lib/context/priced-series';
import { chooseSeries } from '../../../lib/context/series-choice';
import { buildSymbolContext } from '../../../lib/context/symbol-context';
import { loadFixture, truncateAfter } from '../metrics/fixture-series';
import { realBenchmarks, stock, upTo } from './real-series';

/** ^DJI as the snapshot has it, read from the snapshot's own source copy (see its PROVENANCE). */
const DJI: PricedSeries = {
  ...truncateAfter(
    loadFixture('../../../lib/snapshot/sources/prices/index_etf_yf_2026/IDX_DJI.csv'),
    '2026-02-20',
  ),
  symbol: '^DJI',
  source: 'Yahoo Finance via yfinance (alitalbi/storage_data_fy, 2026-02-23)',
  asOf: '2026-02-20',
};

/** The bundled histories as the card sees them on 2026-02-20 (the Russell 2000's last full day). */
function available() {
  return upTo({ ...realBenchmarks(), '^DJI': DJI }, '2026-02-20');
}

describe('total return through tracking funds', () => {
  it('uses the fund that tracks an index, with its dividend-adjusted closes', () => {
    const chosen = chooseSeries('^GSPC', available(), '2026-02-20', 'total-return');
    expect(chosen.choice).toMatchObject({
      requested: '^GSPC',
      usedSymbol: 'SPY',
      proxyFor: '^GSPC',
      note: 'total return through SPY',
      returnBasis: 'total-return',
    });
  });

  it('stays on price for an index without a tracking fund with data, and says so', () => {
    expect(chooseSeries('^DJI', available(), '2026-02-20', 'total-return').choice).toMatchObject({
      usedSymbol: '^DJI',
      note: 'Dow Jones Industrial Average: price return (no DIA data reaches 2026-02-20)',
      returnBasis: 'price',
    });
    // The Nasdaq Composite has no fund that tracks it; on a date its own history reaches, price.
    expect(chooseSeries('^IXIC', available(), '2022-05-04', 'total-return').choice).toMatchObject({
      usedSymbol: '^IXIC',
      note: 'Nasdaq Composite: price return (no fund tracks the Nasdaq Composite)',
    });
  });

  it('keeps the price choice unchanged on the price basis', () => {
    expect(chooseSeries('^GSPC', available(), '2026-02-20').choice).toMatchObject({
      usedSymbol: '^GSPC',
      note: null,
      returnBasis: 'price',
    });
  });

  it('compares a stock with the Russell 2000 on total return: IWM, dividends on both sides', () => {
    const onPrice = buildSymbolContext({ series: stock('SFM'), available: available() });
    const onTotal = buildSymbolContext({
      series: stock('SFM'),
      available: available(),
      prefs: {
        benchmarks: ['^GSPC', '^DJI'],
        periods: ['1Y'],
        volatilityWindow: 63,
        returnBasis: 'total-return',
      },
    });
    expect(onPrice.russell2000.usedSymbol).toBe('^RUT');
    expect(onTotal.russell2000).toMatchObject({ usedSymbol: 'IWM', returnBasis: 'total-return' });
    expect(onTotal.benchmarks.map((b) => b.usedSymbol)).toEqual(['SPY', '^DJI']);
    expect(onTotal.notes).toContain('total return through IWM');
    const r2kTotal = onTotal.relative[0]?.periods[0]?.figure.value;
    const r2kPrice = buildSymbolContext({
      series: stock('SFM'),
      available: available(),
      prefs: { benchmarks: ['^GSPC'], periods: ['1Y'], volatilityWindow: 63 },
    }).relative[0]?.periods[0]?.figure.value;
    // IWM's 1Y return includes about a year of dividends that ^RUT's leaves out.
    expect(r2kTotal?.benchmark).toBeGreaterThan(r2kPrice?.benchmark ?? Infinity);
  });

  it('in the dashboard, returns and the chart follow the basis; the level stays the index', () => {
    const ctx = buildDashboardContext({
      available: available(),
      prefs: {
        benchmarks: ['^GSPC', '^DJI'],
        periods: ['1Y'],
        volatilityWindow: 63,
        returnBasis: 'total-return',
      },
    });
    expect(ctx.lastClose.value?.date).toBe('2026-02-20');
    expect(ctx.lastClose.value?.close).toBeCloseTo(2663.78, 2);
    expect(ctx.russell2000.usedSymbol).toBe('^RUT');
    expect(ctx.benchmarks.map((b) => b.usedSymbol)).toEqual(['SPY', '^DJI']);
    expect(ctx.chart.value?.lines.map((l) => l.label)).toEqual([
      'IWM (for Russell 2000)',
      'SPY (for S&P 500)',
      'Dow Jones Industrial Average',
    ]);
    expect(ctx.returns[0]?.russell2000.source).toMatch(/yfinance/);
  });
});

describe('dashboard chart period', () => {
  it('charts the chosen period, and all shared history for max', () => {
    const prefs = { benchmarks: ['^GSPC'], periods: ['1Y' as const], volatilityWindow: 63 };
    const fiveYears = buildDashboardContext({
      available: available(),
      prefs: { ...prefs, chartPeriod: '5Y' },
    });
    expect(fiveYears.chart.value).toMatchObject({ period: '5Y', startDate: '2021-02-20' });
    const max = buildDashboardContext({
      available: available(),
      prefs: { ...prefs, chartPeriod: 'max' },
    });
    // ^RUT (from 1987-09-10) and ^GSPC (from 1927) share history from ^RUT's first close.
    expect(max.chart.value).toMatchObject({ period: 'max', startDate: '1987-09-10' });
    expect(max.chart.value?.lines[0]?.values[0]).toBe(100);
    const oneYear = buildDashboardContext({ available: available(), prefs });
    expect(oneYear.chart.value?.period).toBe('1Y');
  });
});

describe('comparison symbols', () => {
  it('adds the tracking funds for total return, each once', () => {
    expect(comparisonSymbols(['^GSPC', '^DJI'])).toEqual(['^GSPC', '^DJI']);
    expect(comparisonSymbols(['^GSPC', '^IXIC', '^DJI', '^NDX'], 'total-return')).toEqual([
      '^GSPC',
      '^IXIC',
      '^DJI',
      '^NDX',
      'IWM',
      'SPY',
      'DIA',
      'QQQ',
    ]);
  });
});
