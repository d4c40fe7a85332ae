import { describe, expect, it } from 'vitest';
import {
  currentDrawdown,
  currentDrawdownDetailed,
  maxDrawdown,
  maxDrawdownDetailed,
} from '../../../lib/metrics/drawdown';
import type { Series } from '../../../lib/series/series';
import { loadFixture, loadYf2026 } from './fixture-series';
import { naiveMaxDrawdown } from './naive-metrics';

const rut = loadYf2026('IDX_RUT');
const stocks = 'stocks_small_large_yahoo_2000_2024';

describe('maxDrawdown: known ^RUT episodes', () => {
  it('2008: peak 2007-07-13 (855.77), trough 2009-03-09 (343.26), -59.89%, recovered 2011-04-27', () => {
    const dd = maxDrawdown(rut, '2007-01-01', '2009-12-31');
    expect(dd).toMatchObject({
      peakDate: '2007-07-13',
      troughDate: '2009-03-09',
      recoveryDate: '2011-04-27',
    });
    expect(dd?.peakClose).toBeCloseTo(855.77, 2);
    expect(dd?.troughClose).toBeCloseTo(343.26, 2);
    expect(dd?.drawdown).toBeCloseTo(343.26 / 855.77 - 1, 5);
    expect(dd?.drawdown).toBeCloseTo(-0.5989, 4);
  });

  it('2020: peak 2020-01-16 (1705.22), trough 2020-03-18 (991.16), -41.87%, recovered 2020-11-10', () => {
    const dd = maxDrawdown(rut, '2020-01-01', '2020-12-31');
    expect(dd).toMatchObject({
      peakDate: '2020-01-16',
      troughDate: '2020-03-18',
      recoveryDate: '2020-11-10',
    });
    expect(dd?.drawdown).toBeCloseTo(991.16 / 1705.22 - 1, 5);
  });

  it.each([
    ['^RUT', '2007-01-01', '2009-12-31', rut],
    ['^RUT', '2025-02-20', '2026-02-20', rut],
    ['SFM', '2013-01-01', '2015-12-31', loadFixture(`${stocks}/SFM.csv`, 'Adj Close')],
    ['IONQ', '2021-01-01', '2024-03-08', loadFixture(`${stocks}/IONQ.csv`, 'Adj Close')],
    ['ONB', '2008-01-01', '2009-12-31', loadFixture(`${stocks}/ONB.csv`, 'Adj Close')],
    ['SPY', '2020-01-01', '2020-12-31', loadFixture('close_only_yf_to_2026_08/SPY.csv')],
  ] as [string, string, string, Series][])(
    '%s from %s to %s matches a brute-force O(n²) search',
    (_s, from, to, series) => {
      expect(maxDrawdown(series, from, to)?.drawdown).toBeCloseTo(
        naiveMaxDrawdown(series, from, to),
        12,
      );
    },
  );
});

describe('maxDrawdown edge cases', () => {
  it('a rising series has drawdown 0 and nothing to recover', () => {
    const up = { dates: ['2024-01-02', '2024-01-03', '2024-01-04'], closes: [1, 2, 3] };
    expect(maxDrawdown(up)).toEqual({
      drawdown: 0,
      peakDate: '2024-01-02',
      peakClose: 1,
      troughDate: '2024-01-02',
      troughClose: 1,
      recoveryDate: '2024-01-02',
    });
  });

  it('a decline not yet recovered has recoveryDate null', () => {
    const down = { dates: ['2024-01-02', '2024-01-03', '2024-01-04'], closes: [3, 1, 2] };
    expect(maxDrawdown(down)).toMatchObject({ troughDate: '2024-01-03', recoveryDate: null });
    expect(maxDrawdown(down)?.drawdown).toBeCloseTo(-2 / 3, 12);
  });

  it('a single point, an empty range and a range before the series are explicit', () => {
    expect(maxDrawdown({ dates: ['2024-01-02'], closes: [5] })?.drawdown).toBe(0);
    expect(maxDrawdownDetailed({ dates: [], closes: [] }).reason).toBe('empty-series');
    expect(maxDrawdownDetailed(rut, '2026-03-01', '2026-04-01').reason).toBe(
      'insufficient-history',
    );
    expect(maxDrawdownDetailed(rut, '1980-01-01', '1980-12-31').reason).toBe('as-of-before-start');
  });
});

describe('currentDrawdown', () => {
  it('^RUT on 2026-02-20: 2663.78 against the 2026-01-22 high of 2718.77', () => {
    expect(currentDrawdownDetailed(rut).value).toMatchObject({
      peakDate: '2026-01-22',
      date: '2026-02-20',
    });
    expect(currentDrawdown(rut)).toBeCloseTo(2663.78 / 2718.77 - 1, 5);
  });

  it('at the 2009-03-09 low it is the 2008 episode drawdown, from the all-time high', () => {
    expect(currentDrawdown(rut, '2009-03-09')).toBeCloseTo(343.26 / 855.77 - 1, 5);
  });

  it('is 0 at a new high, and explicit before the start or after the end', () => {
    expect(currentDrawdown(rut, '2026-01-22')).toBe(0);
    expect(currentDrawdownDetailed(rut, '1980-01-01').reason).toBe('as-of-before-start');
    expect(currentDrawdownDetailed(rut, '2026-08-21').reason).toBe('stale');
  });
});
