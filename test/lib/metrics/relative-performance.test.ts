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

describe('relativePerformance in the 2008-10 and 2020-03 windows (hand checks from CSV rows)', () => {
  it('October 2008, 1M to 2008-10-31: IWM 53.9006 -> 42.6052, SPY 84.6191 -> 70.6411', () => {
    const r = relativePerformance(iwm, spy, '1M', '2008-10-31');
    expect(r.asset).toBeCloseTo(42.605213 / 53.900551 - 1, 6);
    expect(r.benchmark).toBeCloseTo(70.641136 / 84.61908 - 1, 6);
    expect(r.excess).toBeCloseTo(-0.20956 + 0.16519, 4);
  });

  it('March 2020, 1M to 2020-03-20: IWM 157.4856 -> 94.5977, QQQ 226.8392 -> 164.9265', () => {
    const qqq = loadFixture('close_only_yf_to_2026_08/QQQ.csv');
    const r = relativePerformance(iwm, qqq, '1M', '2020-03-20');
    expect(r.asset).toBeCloseTo(94.597748 / 157.485641 - 1, 6);
    expect(r.benchmark).toBeCloseTo(164.926544 / 226.839157 - 1, 6);
    expect(r.ratio).toBeCloseTo(94.597748 / 157.485641 / (164.926544 / 226.839157) - 1, 6);
  });
});

describe('dividends: the metric measures what it is given, so inputs must be adjusted', () => {
  const quoted = loadFixture('index_etf_yahoo_2000_2022/SPY.csv', 'Close');
  const adjusted = loadFixture('index_etf_yahoo_2000_2022/SPY.csv', 'Adj Close');

  it('SPY 2019: price return 249.92 -> 321.86, total return 236.8758 -> 310.8376', () => {
    const price = relativePerformance(quoted, quoted, '1Y', '2019-12-31').asset as number;
    const total = relativePerformance(adjusted, adjusted, '1Y', '2019-12-31').asset as number;
    expect(price).toBeCloseTo(321.86 / 249.92 - 1, 6);
    expect(total).toBeCloseTo(310.83755 / 236.87581 - 1, 6);
    // About two points of dividends (SPY yielded roughly 1.8% in 2019), reinvested.
    expect(total - price).toBeGreaterThan(0.015);
    expect(total - price).toBeLessThan(0.03);
    expect(relativePerformance(adjusted, quoted, '1Y', '2019-12-31').excess).toBeCloseTo(
      total - price,
      12,
    );
  });

  it('two datasets adjusted at different times give the same return', () => {
    // Yahoo Adj Close (2022 download) vs yfinance auto-adjusted Close (2026 download):
    // 88.91718 vs 84.61908 on 2008-09-30, yet the same 1M return to 2008-10-31.
    expect(closeOn(adjusted, '2008-09-30')).not.toBeCloseTo(closeOn(spy, '2008-09-30'), 0);
    expect(relativePerformance(adjusted, spy, '1M', '2008-10-31').excess).toBeCloseTo(0, 5);
  });
});
