import { describe, expect, it } from 'vitest';
import {
  relativePerformance,
  relativePerformanceDetailed,
} from '../../../lib/metrics/relative-performance';
import { closeOn, loadFixture, loadYf2026 } from './fixture-series';

const iwm = loadYf2026('IWM');
const spy = loadFixture('close_only_yf_to_2026_08/SPY.csv');

describe('relativePerformance', () => {
  it('IWM vs SPY over 1Y, on the common as-of 2026-02-20 (SPY runs to 2026-08-21)', () => {
    // Hand check from CSV rows: IWM 223.140884 -> 264.609985, SPY 605.078125 -> 689.429993.
    const a = 264.609985 / 223.140884 - 1;
    const b = 689.429993 / 605.078125 - 1;
    const result = relativePerformanceDetailed(iwm, spy, '1Y');
    expect(result.asOf).toBe('2026-02-20');
    expect(result.asset).toBeCloseTo(a, 6);
    expect(result.benchmark).toBeCloseTo(b, 6);
    expect(result.excess).toBeCloseTo(a - b, 6);
    expect(result.ratio).toBeCloseTo((1 + a) / (1 + b) - 1, 6);
  });

  it('ratio equals the change of the price ratio IWM/SPY over the period', () => {
    const r = relativePerformance(iwm, spy, '3M', '2020-03-23');
    const ratioNow = closeOn(iwm, '2020-03-23') / closeOn(spy, '2020-03-23');
    const ratioThen = closeOn(iwm, '2019-12-23') / closeOn(spy, '2019-12-23');
    expect(r.ratio).toBeCloseTo(ratioNow / ratioThen - 1, 10);
    expect(r.excess).toBeLessThan(0); // small caps fell harder in March 2020
  });

  it('a missing side gives null excess and ratio, with the reason on that side', () => {
    const ionq = loadFixture('stocks_small_large_yahoo_2000_2024/IONQ.csv', 'Adj Close');
    const r = relativePerformanceDetailed(ionq, spy, '5Y', '2024-03-08');
    expect(r.asset).toBeNull();
    expect(r.benchmark).not.toBeNull();
    expect(r.excess).toBeNull();
    expect(r.ratio).toBeNull();
    expect(r.assetReason).toBe('insufficient-history');
    expect(r.benchmarkReason).toBeUndefined();
  });

  it('the plain function returns exactly the four contract fields', () => {
    expect(Object.keys(relativePerformance(iwm, spy, '1M')).toSorted()).toEqual([
      'asset',
      'benchmark',
      'excess',
      'ratio',
    ]);
  });
});
