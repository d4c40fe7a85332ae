import { describe, expect, it } from 'vitest';
import { buildDashboardContext } from '../../../lib/context/dashboard-context';
import type { PricedSeries } from '../../../lib/context/priced-series';
import { closeOn } from '../metrics/fixture-series';
import {
  naiveBeta,
  naiveMaxDrawdown,
  naiveRateCorrelation,
  naiveRateSlope,
  naiveVolatility,
} from '../metrics/naive-metrics';
import { figuresWithoutProvenance, nonFiniteNumbers } from './no-nan';
import { realBenchmarks, upTo } from './real-series';

const all = realBenchmarks();
const rut = all['^RUT']!;
const gspc = all['^GSPC']!;
const tnx = all['^TNX']!;

describe('buildDashboardContext on the real data (as of 2026-02-20)', () => {
  const ctx = buildDashboardContext({ available: all });

  it('uses the Russell 2000 last date as the common as-of, QQQ for the Nasdaq Composite', () => {
    expect(ctx.asOf).toBe('2026-02-20');
    expect(ctx.lastClose.value?.date).toBe('2026-02-20');
    expect(ctx.lastClose.value?.close).toBeCloseTo(2663.78, 2);
    expect(ctx.sp500.usedSymbol).toBe('^GSPC');
    expect(ctx.benchmarks.map((b) => b.usedSymbol)).toEqual(['^GSPC', 'QQQ']);
    expect(ctx.notes).toEqual([
      'Nasdaq Composite history ends 2022-05-04; QQQ used (it tracks a related index, not the Nasdaq Composite)',
    ]);
  });

  it('shows 1M, YTD, 1Y and the chosen 3M in canonical order', () => {
    expect(ctx.periods).toEqual(['1M', '3M', 'YTD', '1Y']);
  });

  it('returns: ^RUT YTD 2481.91 -> 2663.78 and the S&P 500 beside it, by hand', () => {
    const ytd = ctx.returns.find((r) => r.period === 'YTD');
    expect(ytd?.russell2000.value).toBeCloseTo(2663.78 / 2481.91 - 1, 5);
    const sp = ytd?.benchmarks.find((b) => b.requested === '^GSPC')?.figure.value;
    const spYtd = closeOn(gspc, '2026-02-20') / closeOn(gspc, '2025-12-31') - 1;
    expect(sp?.benchmark).toBeCloseTo(spYtd, 12);
    expect(sp?.excess).toBeCloseTo(2663.78 / 2481.91 - 1 - spYtd, 5);
  });

  it('relative strength: the ^RUT/^GSPC ratio, rebased over 1Y, and its 3M and 1Y changes', () => {
    const rs = ctx.relativeStrength;
    const ratioNow = closeOn(rut, '2026-02-20') / closeOn(gspc, '2026-02-20');
    const ratio1Y = closeOn(rut, '2025-02-20') / closeOn(gspc, '2025-02-20');
    const ratio3M = closeOn(rut, '2025-11-20') / closeOn(gspc, '2025-11-20');
    expect(rs.ratio.value).toBeCloseTo(ratioNow, 12);
    expect(rs.rebased.value).toBeCloseTo((100 * ratioNow) / ratio1Y, 10);
    expect(rs.changes.map((c) => c.period)).toEqual(['3M', '1Y']);
    expect(rs.changes[0]?.figure.value).toBeCloseTo(ratioNow / ratio3M - 1, 10);
    expect(rs.changes[1]?.figure.value).toBeCloseTo(ratioNow / ratio1Y - 1, 10);
    expect(rs.trend.value).toBe('rising');
    const line = rs.chart.value?.lines[0];
    expect(line?.symbol).toBe('^RUT/^GSPC');
    expect(line?.values[0]).toBe(100);
    expect(line?.values.at(-1)).toBeCloseTo(rs.rebased.value as number, 10);
  });

  it('volatility and 1-year beta to the S&P 500 match the second implementation', () => {
    expect(ctx.volatility.russell2000.value).toBeCloseTo(
      naiveVolatility(rut, 63, '2026-02-20'),
      12,
    );
    expect(ctx.volatility.sp500.value).toBeCloseTo(naiveVolatility(gspc, 63, '2026-02-20'), 12);
    expect(ctx.volatility.betaToSp500.value).toBeCloseTo(
      naiveBeta(rut, gspc, 252, '2026-02-20'),
      10,
    );
    expect(ctx.volatility.russell2000.value as number).toBeGreaterThan(
      ctx.volatility.sp500.value as number,
    );
  });

  it('current drawdown from the 2026-01-22 high, and the 1-year maximum drawdown (April 2025)', () => {
    expect(ctx.drawdown.current.value?.peakDate).toBe('2026-01-22');
    expect(ctx.drawdown.current.value?.drawdown).toBeCloseTo(2663.78 / 2718.77 - 1, 5);
    expect(ctx.drawdown.maxOneYear.value).toMatchObject({
      troughDate: '2025-04-08',
      recoveryDate: '2025-07-10',
    });
    expect(ctx.drawdown.maxOneYear.value?.drawdown).toBeCloseTo(
      naiveMaxDrawdown(rut, '2025-02-20', '2026-02-20'),
      12,
    );
    expect(ctx.episodes.current).toBe(ctx.drawdown.current);
  });

  it('2008 episode: 2007-07-13 to 2009-03-09, -59.89%, 416 trading days down, recovered 2011-04-27', () => {
    const e = ctx.episodes.past.find((p) => p.definition.id === '2008')?.figure.value;
    expect(e).toMatchObject({
      peakDate: '2007-07-13',
      troughDate: '2009-03-09',
      recoveryDate: '2011-04-27',
      calendarDaysPeakToTrough: 605,
      calendarDaysToRecover: 779,
    });
    expect(e?.drawdown).toBeCloseTo(343.26 / 855.77 - 1, 5);
    // Trading days counted independently: closes strictly after the trough up to the recovery.
    const between = rut.dates.filter((d) => d > '2009-03-09' && d <= '2011-04-27').length;
    expect(e?.tradingDaysToRecover).toBe(between);
    const down = rut.dates.filter((d) => d > '2007-07-13' && d <= '2009-03-09').length;
    expect(e?.tradingDaysPeakToTrough).toBe(down);
  });

  it('2020 episode: 2020-01-16 to 2020-03-18, -41.87%, recovered 2020-11-10', () => {
    const e = ctx.episodes.past.find((p) => p.definition.id === '2020')?.figure.value;
    expect(e).toMatchObject({
      peakDate: '2020-01-16',
      troughDate: '2020-03-18',
      recoveryDate: '2020-11-10',
      calendarDaysPeakToTrough: 62,
      calendarDaysToRecover: 237,
    });
    expect(e?.drawdown).toBeCloseTo(991.16 / 1705.22 - 1, 5);
  });

  it('rate sensitivity of the Russell 2000 beside the S&P 500, on shared dates, with the gap noted', () => {
    const rs = ctx.rateSensitivity;
    expect(rs.windowDays).toBe(63);
    expect(rs.yieldSymbol).toBe('^TNX');
    expect(rs.russell2000.value?.slope).toBeCloseTo(naiveRateSlope(rut, tnx, 63, '2026-02-20'), 10);
    expect(rs.russell2000.value?.correlation).toBeCloseTo(
      naiveRateCorrelation(rut, tnx, 63, '2026-02-20'),
      10,
    );
    expect(rs.sp500.value?.slope).toBeCloseTo(naiveRateSlope(gspc, tnx, 63, '2026-02-20'), 10);
    expect(rs.russell2000.value?.fromDate).toBe('2025-11-18');
    expect(rs.note).toBe(
      'the ^TNX history has no closes between 2020-12-31 and 2025-09-08; windows use only dates both series share',
    );
  });

  it('charts the Russell 2000, S&P 500 and Nasdaq Composite (QQQ) rebased to 100 over 1Y', () => {
    const chart = ctx.chart.value;
    expect(chart?.period).toBe('1Y');
    expect(chart?.lines.map((l) => l.label)).toEqual([
      'Russell 2000',
      'S&P 500',
      'QQQ (for Nasdaq Composite)',
    ]);
    expect(chart?.dates[0]).toBe('2025-02-20');
    expect(chart?.dates.at(-1)).toBe('2026-02-20');
    expect(chart?.lines[0]?.values.at(-1)).toBeCloseTo(100 * (2663.78 / 2261.74), 3);
  });

  it('never carries NaN or Infinity, and every present figure has as-of and source', () => {
    expect(nonFiniteNumbers(ctx)).toEqual([]);
    expect(figuresWithoutProvenance(ctx)).toEqual([]);
  });
});

describe('buildDashboardContext: replayed dates and missing data', () => {
  it('as of 2008-12-31: nothing later leaks in (no 2008 recovery yet, no 2020 episode)', () => {
    const ctx = buildDashboardContext({ available: all, asOf: '2008-12-31' });
    expect(ctx.asOf).toBe('2008-12-31');
    expect(ctx.benchmarks.map((b) => b.usedSymbol)).toEqual(['^GSPC', '^IXIC']);
    const e2008 = ctx.episodes.past[0]?.figure.value;
    expect(e2008?.troughDate).toBe('2008-11-20');
    expect(e2008?.recoveryDate).toBeNull();
    expect(e2008?.tradingDaysToRecover).toBeNull();
    expect(ctx.episodes.past[1]?.figure.reason).toBe('unavailable');
    expect(ctx.rateSensitivity.note).toBeNull();
    expect(ctx.rateSensitivity.russell2000.value?.toDate).toBe('2008-12-30');
    expect(nonFiniteNumbers(ctx)).toEqual([]);
  });

  it('says when the yield history does not overlap enough', () => {
    const recentOnly: PricedSeries = {
      ...tnx,
      dates: tnx.dates.filter((d) => d >= '2026-01-01'),
      closes: tnx.closes.filter((_, i) => tnx.dates[i]! >= '2026-01-01'),
      gaps: [],
    };
    const ctx = buildDashboardContext({ available: all, yields: recentOnly });
    expect(ctx.rateSensitivity.russell2000).toMatchObject({
      value: null,
      reason: 'insufficient-history',
    });
    expect(ctx.rateSensitivity.note).toMatch(
      /^the series share \d+ dates up to 2026-02-20; 64 are needed$/,
    );
  });

  it('without a yield series the rate figures are unavailable, everything else computed', () => {
    const { '^TNX': _t, ...withoutTnx } = all;
    const ctx = buildDashboardContext({ available: withoutTnx });
    expect(ctx.rateSensitivity.russell2000.reason).toBe('unavailable');
    expect(ctx.rateSensitivity.yieldSymbol).toBeNull();
    expect(ctx.returns[0]?.russell2000.value).not.toBeNull();
  });

  it('chosen periods and benchmarks: 5Y added, Dow requested without data is left out', () => {
    const ctx = buildDashboardContext({
      available: all,
      prefs: { benchmarks: ['^DJI', '^GSPC'], periods: ['5Y'], volatilityWindow: 21 },
    });
    expect(ctx.periods).toEqual(['1M', 'YTD', '1Y', '5Y']);
    expect(ctx.benchmarks.map((b) => [b.requested, b.usedSymbol])).toEqual([
      ['^DJI', null],
      ['^GSPC', '^GSPC'],
    ]);
    expect(ctx.notes).toContain('no Dow Jones Industrial Average series available; left out');
    expect(ctx.volatility.windowDays).toBe(21);
    const fiveYear = ctx.returns.find((r) => r.period === '5Y');
    expect(fiveYear?.russell2000.value).toBeCloseTo(
      closeOn(rut, '2026-02-20') / closeOn(rut, '2021-02-19') - 1,
      12,
    );
  });

  it('no Russell 2000 data at all: no as-of, only unavailable figures, no NaN', () => {
    const ctx = buildDashboardContext({ available: { '^GSPC': gspc } });
    expect(ctx.asOf).toBeNull();
    expect(ctx.lastClose.value).toBeNull();
    expect(nonFiniteNumbers(ctx)).toEqual([]);
  });

  it('IWM only (from 2000-05-26) stands in for the Russell 2000; its episodes are still computed', () => {
    const { '^RUT': _r, ...iwmOnly } = upTo(all, '2026-02-20');
    const ctx = buildDashboardContext({ available: iwmOnly });
    expect(ctx.russell2000).toMatchObject({ usedSymbol: 'IWM', proxyFor: '^RUT' });
    expect(ctx.episodes.past[0]?.figure.value?.troughDate).toBe('2009-03-09');
  });
});
