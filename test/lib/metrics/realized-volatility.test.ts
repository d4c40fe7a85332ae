import { describe, expect, it } from 'vitest';
import {
  realizedVolatility,
  realizedVolatilityDetailed,
} from '../../../lib/metrics/realized-volatility';
import { periodReturn } from '../../../lib/metrics/period-return';
import type { Series } from '../../../lib/series/series';
import { loadFixture, loadYf2026 } from './fixture-series';
import { naiveVolatility } from './naive-metrics';

const rut = loadYf2026('IDX_RUT');
const spy = loadFixture('close_only_yf_to_2026_08/SPY.csv');
const stocks = 'stocks_small_large_yahoo_2000_2024';

describe('realizedVolatility', () => {
  it('by hand on a 2-return window: ^RUT 2008-10-08 .. 2008-10-10 (546.57, 499.20, 522.48)', () => {
    const r1 = Math.log(499.2 / 546.57);
    const r2 = Math.log(522.48 / 499.2);
    // Sample sd of two numbers is |r1 - r2| / sqrt(2).
    const expected = (Math.abs(r1 - r2) / Math.SQRT2) * Math.sqrt(252);
    expect(realizedVolatility(rut, 2, '2008-10-10')).toBeCloseTo(expected, 5);
    expect(expected).toBeCloseTo(1.5292, 3); // 153% annualized in the October 2008 panic
  });

  it.each([
    ['^RUT', 63, '2026-02-20', rut],
    ['^RUT', 21, '2008-10-31', rut],
    ['^RUT', 21, '2020-03-31', rut],
    ['SPY', 63, '2020-03-31', spy],
    ['SPY', 252, '2026-08-21', spy],
    ['IWM', 126, '2020-06-30', loadYf2026('IWM')],
    ['QQQ', 63, '2022-05-04', loadYf2026('QQQ')],
    ['SFM', 63, '2024-03-08', loadFixture(`${stocks}/SFM.csv`, 'Adj Close')],
    ['IONQ', 252, '2024-03-08', loadFixture(`${stocks}/IONQ.csv`, 'Adj Close')],
    ['ONB', 21, '2008-10-31', loadFixture(`${stocks}/ONB.csv`, 'Adj Close')],
  ] as [string, number, string, Series][])(
    '%s, %i days to %s, matches the second implementation',
    (_symbol, window, asOf, series) => {
      const value = realizedVolatility(series, window, asOf);
      expect(value).not.toBeNull();
      expect(value).toBeCloseTo(naiveVolatility(series, window, asOf), 12);
    },
  );

  it('reports the window it used (63 trading days of ^RUT to 2026-02-20)', () => {
    expect(realizedVolatilityDetailed(rut, 63).value).toMatchObject({
      observations: 63,
      fromDate: '2025-11-18',
      toDate: '2026-02-20',
    });
  });

  it('small caps were more volatile than SPY in March 2020', () => {
    const rutVol = realizedVolatility(rut, 21, '2020-03-31') as number;
    const spyVol = realizedVolatility(spy, 21, '2020-03-31') as number;
    expect(rutVol).toBeGreaterThan(spyVol);
    expect(rutVol).toBeGreaterThan(0.9);
  });
});

describe('realizedVolatility across a split and with dividends', () => {
  const nvda = loadFixture(`${stocks}/NVDA.csv`, 'Adj Close');

  it('NVDA adjusted closes are continuous across the 4:1 split of 2021-07-20', () => {
    const adjusted = periodReturn(nvda, '1M', '2021-07-30') as number;
    expect(Math.abs(adjusted)).toBeLessThan(0.3);
    const vol = realizedVolatility(nvda, 21, '2021-07-30') as number;
    expect(vol).toBeGreaterThan(0.2);
    expect(vol).toBeLessThan(1);
    expect(vol).toBeCloseTo(naiveVolatility(nvda, 21, '2021-07-30'), 12);
  });

  it('an unadjusted series (quoted closes x4 before the split) would show a fake -75% day', () => {
    const unadjusted: Series = {
      dates: nvda.dates,
      closes: nvda.closes.map((c, i) => ((nvda.dates[i] as string) < '2021-07-20' ? c * 4 : c)),
    };
    expect(periodReturn(unadjusted, '1M', '2021-07-30') as number).toBeLessThan(-0.7);
    expect(realizedVolatility(unadjusted, 21, '2021-07-30') as number).toBeGreaterThan(1.5);
  });
});

describe('realizedVolatility edge cases', () => {
  it('identical closes give exactly 0', () => {
    const flat = { dates: ['2024-01-02', '2024-01-03', '2024-01-04'], closes: [5, 5, 5] };
    expect(realizedVolatility(flat, 2)).toBe(0);
  });

  it('a single point, a too-long window and a window below 2 are explicit', () => {
    expect(realizedVolatilityDetailed({ dates: ['2024-01-02'], closes: [5] }, 2).reason).toBe(
      'insufficient-history',
    );
    expect(realizedVolatilityDetailed(rut, 20_000).reason).toBe('insufficient-history');
    expect(realizedVolatilityDetailed(rut, 1).reason).toBe('invalid-input');
    expect(realizedVolatilityDetailed(rut, 2.5).reason).toBe('invalid-input');
  });

  it('as-of before the first date', () => {
    expect(realizedVolatilityDetailed(rut, 21, '1980-01-01').reason).toBe('as-of-before-start');
  });

  it('a window across the ^TNX 2021-2025 hole is a gap; after it the window fits', () => {
    const old = loadFixture('rates/IDX_TNX_yahoo_1962_2020.csv');
    const recent = loadFixture('rates/IDX_TNX_yf_multiheader_2025_2026.csv');
    const tnx = {
      dates: [...old.dates, ...recent.dates],
      closes: [...old.closes, ...recent.closes],
    };
    expect(realizedVolatilityDetailed(tnx, 252, '2026-03-06')).toMatchObject({
      value: null,
      reason: 'gap',
    });
    expect(realizedVolatility(tnx, 63, '2026-03-06')).not.toBeNull();
  });
});
