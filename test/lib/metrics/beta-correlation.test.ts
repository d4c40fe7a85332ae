import { describe, expect, it } from 'vitest';
import {
  beta,
  betaDetailed,
  coMovementDetailed,
  correlation,
  correlationDetailed,
} from '../../../lib/metrics/beta-correlation';
import type { Series } from '../../../lib/series/series';
import { loadFixture, loadYf2026 } from './fixture-series';
import { naiveBeta, naiveCorrelation } from './naive-metrics';

const rut = loadYf2026('IDX_RUT');
const iwm = loadYf2026('IWM');
const gspc = loadFixture('close_only_yf_to_2026_08/IDX_GSPC.csv');
const spy = loadFixture('close_only_yf_to_2026_08/SPY.csv');
const stocks = 'stocks_small_large_yahoo_2000_2024';
const sfm = loadFixture(`${stocks}/SFM.csv`, 'Adj Close');
const ionq = loadFixture(`${stocks}/IONQ.csv`, 'Adj Close');
const onb = loadFixture(`${stocks}/ONB.csv`, 'Adj Close');

describe('beta and correlation by hand on a short window', () => {
  it('3 shared dates, 2 returns: asset +10% / -5%, benchmark +5% / -5%', () => {
    const asset = { dates: ['2024-01-02', '2024-01-03', '2024-01-04'], closes: [100, 110, 104.5] };
    const bench = { dates: ['2024-01-02', '2024-01-03', '2024-01-04'], closes: [200, 210, 199.5] };
    // x = [0.10, -0.05], y = [0.05, -0.05]; cov = (0.075 * 0.05 * 2) / 1 = 0.0075,
    // var(y) = (0.05^2 * 2) / 1 = 0.005: beta = 1.5; two points correlate perfectly.
    expect(beta(asset, bench, 2)).toBeCloseTo(1.5, 12);
    expect(correlation(asset, bench, 2)).toBeCloseTo(1, 12);
  });
});

describe('beta and correlation on real data match the second implementation', () => {
  it.each([
    ['^RUT vs ^GSPC', 252, '2026-02-20', rut, gspc],
    ['IWM vs SPY', 63, '2008-10-31', iwm, spy],
    ['IWM vs SPY', 63, '2020-03-31', iwm, spy],
    ['SFM vs IWM', 252, '2024-03-08', sfm, iwm],
    ['IONQ vs IWM', 252, '2024-03-08', ionq, iwm],
    ['ONB vs ^RUT', 126, '2009-03-31', onb, rut],
  ] as [string, number, string, Series, Series][])(
    '%s, %i days to %s',
    (_label, window, asOf, a, b) => {
      expect(beta(a, b, window, asOf)).toBeCloseTo(naiveBeta(a, b, window, asOf), 10);
      expect(correlation(a, b, window, asOf)).toBeCloseTo(naiveCorrelation(a, b, window, asOf), 10);
    },
  );

  it('the default as-of is the earlier last date (^RUT ends 2026-02-20, ^GSPC 2026-08-21)', () => {
    expect(betaDetailed(rut, gspc, 252).value).toMatchObject({
      toDate: '2026-02-20',
      fromDate: '2025-02-19',
      observations: 252,
    });
    expect(beta(rut, gspc, 252)).toBeCloseTo(1.0905, 4);
    expect(correlation(rut, gspc, 252)).toBeCloseTo(0.8745, 4);
  });

  it('IWM tracks ^RUT: beta and correlation near 1', () => {
    expect(beta(iwm, rut, 252) as number).toBeGreaterThan(0.97);
    expect(beta(iwm, rut, 252) as number).toBeLessThan(1.03);
    expect(correlation(iwm, rut, 252) as number).toBeGreaterThan(0.99);
  });

  it('a series against itself has beta 1 and correlation 1', () => {
    expect(beta(rut, rut, 252)).toBeCloseTo(1, 12);
    expect(correlation(rut, rut, 252)).toBeCloseTo(1, 12);
  });
});

describe('beta and correlation with misaligned calendars and missing data', () => {
  it('different holidays: dates only one series has are dropped (inner join)', () => {
    // Remove every 7th date from the benchmark, as if it had extra holidays.
    const holey: Series = {
      dates: spy.dates.filter((_, i) => i % 7 !== 3),
      closes: spy.closes.filter((_, i) => i % 7 !== 3),
    };
    const value = beta(iwm, holey, 252, '2026-02-20');
    expect(value).toBeCloseTo(naiveBeta(iwm, holey, 252, '2026-02-20'), 10);
    expect(value).not.toBeCloseTo(beta(iwm, spy, 252, '2026-02-20') as number, 3);
  });

  it('identical closes: zero variance gives beta null with the reason', () => {
    const flat: Series = { dates: rut.dates.slice(-30), closes: rut.dates.slice(-30).map(() => 1) };
    expect(betaDetailed(rut, flat, 20)).toMatchObject({ value: null, reason: 'zero-variance' });
    expect(beta(rut, flat, 20)).toBeNull();
    expect(correlationDetailed(flat, rut, 20).reason).toBe('zero-variance');
    expect(beta(flat, rut, 20)).toBe(0);
  });

  it('a single shared point, an as-of before the start and no overlap are explicit', () => {
    const one = { dates: ['2024-01-02'], closes: [1] };
    expect(betaDetailed(one, rut, 2, '2024-01-02').reason).toBe('insufficient-history');
    expect(betaDetailed(ionq, iwm, 20, '2020-06-01').reason).toBe('as-of-before-start');
    expect(betaDetailed(ionq, iwm, 1000, '2024-03-08').reason).toBe('insufficient-history');
  });

  it('a benchmark that ended long before the as-of is stale, not silently compared', () => {
    const ixic = loadFixture('nasdaq_composite_1971_2022/IDX_IXIC.csv');
    expect(betaDetailed(rut, ixic, 63, '2026-02-20').reason).toBe('stale');
  });

  it('a hole inside the shared dates is a gap', () => {
    const holed: Series = {
      dates: rut.dates.filter((d) => d < '2025-06-01' || d > '2025-07-01'),
      closes: rut.closes.filter(
        (_, i) => rut.dates[i]! < '2025-06-01' || rut.dates[i]! > '2025-07-01',
      ),
    };
    expect(betaDetailed(holed, gspc, 252, '2026-02-20').reason).toBe('gap');
    expect(beta(holed, gspc, 63, '2026-02-20')).not.toBeNull();
  });
});

describe('coMovementDetailed (one pass for both)', () => {
  it('gives exactly what betaDetailed and correlationDetailed give, values and reasons', () => {
    const flat: Series = { dates: rut.dates.slice(-30), closes: rut.dates.slice(-30).map(() => 1) };
    const cases: [Series, Series, number, string | undefined][] = [
      [sfm, iwm, 252, '2024-03-08'],
      [rut, gspc, 63, undefined],
      [rut, flat, 20, undefined],
      [flat, rut, 20, undefined],
      [ionq, iwm, 20, '2020-06-01'],
    ];
    for (const [a, b, window, asOf] of cases) {
      const both = coMovementDetailed(a, b, window, asOf);
      expect(both.beta).toEqual(betaDetailed(a, b, window, asOf));
      expect(both.correlation).toEqual(correlationDetailed(a, b, window, asOf));
    }
  });
});
