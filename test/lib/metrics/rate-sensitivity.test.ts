import { describe, expect, it } from 'vitest';
import { rateSensitivity, rateSensitivityDetailed } from '../../../lib/metrics/rate-sensitivity';
import type { Series } from '../../../lib/series/series';
import { loadFixture, loadYf2026 } from './fixture-series';
import { naiveRateCorrelation, naiveRateSlope } from './naive-metrics';

const rut = loadYf2026('IDX_RUT');
const gspc = loadFixture('close_only_yf_to_2026_08/IDX_GSPC.csv');
const old = loadFixture('rates/IDX_TNX_yahoo_1962_2020.csv');
const recent = loadFixture('rates/IDX_TNX_yf_multiheader_2025_2026.csv');
const tnx: Series = {
  dates: [...old.dates, ...recent.dates],
  closes: [...old.closes, ...recent.closes],
};

describe('rateSensitivity', () => {
  it('by hand: returns exactly -2% per +1 point of yield change give slope -0.02', () => {
    const dates = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
    const yields = { dates, closes: [4, 4.1, 4.0, 4.2] }; // changes +0.1, -0.1, +0.2
    const asset = { dates, closes: [100, 99.8, 99.8 * 1.002, 99.8 * 1.002 * 0.996] };
    const result = rateSensitivity(asset, yields, 3);
    expect(result?.slope).toBeCloseTo(-0.02, 10);
    expect(result?.correlation).toBeCloseTo(-1, 10);
    expect(result?.observations).toBe(3);
  });

  it.each([
    ['^RUT', 63, '2026-02-20', rut],
    ['^GSPC', 63, '2026-02-20', gspc],
    ['^RUT', 252, '2008-12-31', rut],
    ['^GSPC', 252, '2008-12-31', gspc],
    ['^RUT', 63, '2020-06-30', rut],
  ] as [string, number, string, Series][])(
    '%s, %i days to %s, matches the second implementation',
    (_s, window, asOf, asset) => {
      const result = rateSensitivity(asset, tnx, window, asOf);
      expect(result?.slope).toBeCloseTo(naiveRateSlope(asset, tnx, window, asOf), 10);
      expect(result?.correlation).toBeCloseTo(naiveRateCorrelation(asset, tnx, window, asOf), 10);
    },
  );

  it('uses the dates both series have: ^TNX misses some trading days in 2008', () => {
    const result = rateSensitivityDetailed(rut, tnx, 252, '2008-12-31').value;
    expect(result?.toDate).toBe('2008-12-30');
    expect(tnx.dates.includes('2008-12-31')).toBe(false);
  });

  it('a window reaching into the 2021-2025 ^TNX hole says so', () => {
    expect(rateSensitivityDetailed(rut, tnx, 252, '2026-02-20')).toMatchObject({
      value: null,
      reason: 'gap',
      detail: 'no shared close between 2020-12-31 and 2025-09-08',
    });
    expect(rateSensitivityDetailed(rut, recent, 252, '2026-02-20').reason).toBe(
      'insufficient-history',
    );
  });

  it('a flat yield is zero variance', () => {
    const flat = { dates: rut.dates.slice(-10), closes: rut.dates.slice(-10).map(() => 4) };
    expect(rateSensitivityDetailed(rut, flat, 5).reason).toBe('zero-variance');
  });
});
