import { describe, expect, it } from 'vitest';
import type { Series } from '../../../lib/series/series';
import { periodReturn, periodReturnDetailed } from '../../../lib/metrics/period-return';
import type { Period } from '../../../lib/metrics/period';
import { closeOn, loadFixture, loadYf2026 } from './fixture-series';

const rut = loadYf2026('IDX_RUT');
const iwm = loadYf2026('IWM');

/**
 * Second, straightforward implementation used as the independent check: linear scans and
 * JavaScript's own Date month arithmetic (with explicit clamping), no binary search.
 */
function naivePeriodReturn(series: Series, period: Period, asOf: string): number | null {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  let start: string;
  if (period === 'YTD') start = `${y - 1}-12-31`;
  else {
    const months = { '1M': 1, '3M': 3, '6M': 6, '1Y': 12, '3Y': 36, '5Y': 60 }[period];
    const firstOfTarget = new Date(Date.UTC(y, m - 1 - months, 1));
    const lastDay = new Date(
      Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
    ).getUTCDate();
    firstOfTarget.setUTCDate(Math.min(d, lastDay));
    start = firstOfTarget.toISOString().slice(0, 10);
  }
  let startClose: number | undefined;
  let endClose: number | undefined;
  series.dates.forEach((date, i) => {
    if (date <= start) startClose = series.closes[i];
    if (date <= asOf) endClose = series.closes[i];
  });
  return startClose === undefined || endClose === undefined ? null : endClose / startClose - 1;
}

describe('periodReturn on ^RUT (yfinance 2026 dump), checked by hand against CSV rows', () => {
  it('1Y to 2026-02-20 runs from the 2025-02-20 close 2261.74 to 2663.78', () => {
    expect(periodReturn(rut, '1Y')).toBeCloseTo(2663.78 / 2261.74 - 1, 5);
    expect(periodReturn(rut, '1Y')).toBeCloseTo(0.177757, 5);
  });

  it('YTD starts at the 2025-12-31 close 2481.91', () => {
    expect(periodReturn(rut, 'YTD')).toBeCloseTo(2663.78 / 2481.91 - 1, 5);
  });

  it('1M as of 2008-10-10 measures the October 2008 crash: 717.16 to 522.48', () => {
    expect(periodReturn(rut, '1M', '2008-10-10')).toBeCloseTo(522.48 / 717.16 - 1, 5);
    expect(periodReturn(rut, '1M', '2008-10-10')).toBeCloseTo(-0.27146, 4);
  });

  it('a start date on a Sunday uses the Friday close (2008-09-14 -> 2008-09-12, 720.26)', () => {
    const detail = periodReturnDetailed(rut, '1M', '2008-10-14');
    expect(detail.value?.startDate).toBe('2008-09-14');
    expect(detail.value?.fromDate).toBe('2008-09-12');
    expect(detail.value?.toDate).toBe('2008-10-14');
    expect(detail.value?.value).toBeCloseTo(554.65 / 720.26 - 1, 5);
  });

  it('an as-of on a Sunday ends on the Friday close; its start moves with it', () => {
    // 2008-10-12 minus 1 month = 2008-09-12 (Friday, 720.26); end = 2008-10-10 (522.48).
    expect(periodReturn(rut, '1M', '2008-10-12')).toBeCloseTo(522.48 / 720.26 - 1, 5);
  });

  it('1M into the 2020-03 low: ^RUT 2020-03-18 close against 2020-02-18', () => {
    const expected = closeOn(rut, '2020-03-18') / closeOn(rut, '2020-02-18') - 1;
    expect(periodReturn(rut, '1M', '2020-03-18')).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(991.16 / 1683.52 - 1, 4);
  });

  it('IWM (dividend-adjusted) 1Y to 2026-02-20: 223.1409 to 264.6100', () => {
    expect(periodReturn(iwm, '1Y')).toBeCloseTo(264.61 / 223.140884 - 1, 5);
  });
});

describe('periodReturn agrees with a straightforward second implementation', () => {
  const series: Record<string, Series> = {
    '^RUT': rut,
    IWM: iwm,
    SPY: loadFixture('close_only_yf_to_2026_08/SPY.csv'),
    QQQ: loadFixture('close_only_yf_to_2026_08/QQQ.csv'),
    SFM: loadFixture('stocks_small_large_yahoo_2000_2024/SFM.csv', 'Adj Close'),
    IONQ: loadFixture('stocks_small_large_yahoo_2000_2024/IONQ.csv', 'Adj Close'),
  };
  const asOfs = [
    '2008-10-10',
    '2020-03-23',
    '2021-06-30',
    '2022-12-30',
    '2024-02-29',
    '2024-03-08',
  ];
  const periods: Period[] = ['1M', '3M', '6M', 'YTD', '1Y', '3Y', '5Y'];
  for (const [symbol, s] of Object.entries(series)) {
    it(`${symbol}: every period on ${asOfs.length} dates`, () => {
      for (const asOf of asOfs) {
        if (asOf < (s.dates[0] as string)) continue;
        for (const period of periods) {
          const fast = periodReturn(s, period, asOf);
          const naive = naivePeriodReturn(s, period, asOf);
          if (naive === null || fast === null) {
            // The only disagreement allowed: the series starts after the period start.
            expect(fast).toBeNull();
            continue;
          }
          expect(fast).toBeCloseTo(naive, 12);
        }
      }
    });
  }

  it('IONQ (listed 2021-01-04) has no 5Y return on 2024-03-08 but has a 3Y one', () => {
    const ionq = series.IONQ as Series;
    expect(periodReturnDetailed(ionq, '5Y', '2024-03-08')).toMatchObject({
      value: null,
      reason: 'insufficient-history',
    });
    expect(periodReturn(ionq, '3Y', '2024-03-08')).not.toBeNull();
  });
});

describe('periodReturn edge cases', () => {
  it('a single point has no history', () => {
    const one = { dates: ['2024-01-02'], closes: [10] };
    expect(periodReturnDetailed(one, '1M').reason).toBe('insufficient-history');
    expect(periodReturn(one, '1M')).toBeNull();
  });

  it('an empty series and an as-of before the first date are explicit', () => {
    expect(periodReturnDetailed({ dates: [], closes: [] }, '1M').reason).toBe('empty-series');
    expect(periodReturnDetailed(rut, '1M', '1987-01-01').reason).toBe('as-of-before-start');
  });

  it('an as-of long after the series ends is stale, not the old last close', () => {
    const ixic = loadFixture('nasdaq_composite_1971_2022/IDX_IXIC.csv');
    expect(periodReturnDetailed(ixic, '1Y', '2026-02-20')).toMatchObject({
      value: null,
      reason: 'stale',
    });
  });

  it('a start date inside a hole in the data is a gap (^TNX 2020-12-31 .. 2025-09-08)', () => {
    const old = loadFixture('rates/IDX_TNX_yahoo_1962_2020.csv');
    const recent = loadFixture('rates/IDX_TNX_yf_multiheader_2025_2026.csv');
    const tnx = {
      dates: [...old.dates, ...recent.dates],
      closes: [...old.closes, ...recent.closes],
    };
    expect(periodReturnDetailed(tnx, '1Y', '2026-02-20').reason).toBe('gap');
    expect(periodReturn(tnx, '3M', '2026-02-20')).not.toBeNull();
  });

  it('a zero or non-finite close is invalid input, never NaN or Infinity', () => {
    const bad = { dates: ['2024-01-02', '2024-02-02'], closes: [0, 10] };
    expect(periodReturnDetailed(bad, '1M', '2024-02-02').reason).toBe('invalid-input');
  });

  it('a malformed as-of is invalid input', () => {
    expect(periodReturnDetailed(rut, '1M', '2026/02/20').reason).toBe('invalid-input');
  });
});
