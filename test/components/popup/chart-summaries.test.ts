import { describe, expect, it } from 'vitest';
import {
  drawdownSummary,
  ratioSummary,
  rebasedSummary,
  sectorSummary,
  volatilitySummary,
} from '../../../components/popup/chart-summaries';
import { refreshSummary } from '../../../components/popup/StatusBar';
import type { CurveChart } from '../../../lib/context/dashboard-charts';
import { charts, composition } from './popup-fixtures';

function view(group: 'rebased' | 'ratio' | 'drawdown' | 'volatility', v: string): CurveChart {
  const figures = group === 'volatility' ? charts.charts.volatility.views : charts.charts[group];
  return figures.find((f) => f.view === v)!.figure.value!;
}

describe("chart summaries (the charts' text alternative)", () => {
  it("rebased: each line's change over the view", () => {
    expect(rebasedSummary(view('rebased', 'YTD'))).toBe(
      'From Dec 31, 2025 to Feb 20, 2026, rebased to 100: Russell 2000 +7.3%, S&P 500 +0.9%, QQQ (for Nasdaq Composite) −0.9%.',
    );
  });

  it('ratio: level, high and low, the trend, and the shaded episodes', () => {
    expect(ratioSummary(view('ratio', 'max'))).toMatchInlineSnapshot(
      `"Russell 2000 / S&P 500 from Sep 10, 1987 to Feb 20, 2026 (100 = start): 72.4 at the end, highest 121.1 on Mar 4, 2014, lowest 55.8 on Apr 8, 1999. It is above its 1-year average (68.1): small caps have led lately. Shaded: 2008 financial crisis (Jul 13, 2007 to Mar 9, 2009); 2020 pandemic shock (Jan 16, 2020 to Mar 18, 2020)."`,
    );
  });

  it("volatility: the latest value of each index and the view's peak", () => {
    expect(volatilitySummary(view('volatility', 'max'), 63)).toMatchInlineSnapshot(
      `"63-day realized volatility, annualized, on Feb 20, 2026: Russell 2000 18.1%, S&P 500 11.5%. Highest from Dec 9, 1987 to Feb 20, 2026: Russell 2000 80.2% on Dec 16, 2008."`,
    );
  });

  it('drawdown: today and the marked troughs', () => {
    expect(drawdownSummary(view('drawdown', '5Y'))).toBe(
      'Russell 2000 below its highest close so far: today (Feb 20, 2026) −2.0%. S&P 500 today −1.0%.',
    );
  });

  it('sectors: the three largest and the top 10', () => {
    expect(sectorSummary(composition.files[0]!)).toBe(
      '12 sectors in the May 13, 2025 holdings; the largest: Financials 19.7%, Industrials 18.2%, Health Care 15.6%. The top 10 of 1,939 members weigh 4.24% together.',
    );
  });

  it('a refresh in one sentence', () => {
    expect(
      refreshSummary({ updated: [], unchanged: [], failed: [], skipped: 'Fetching is off.' }),
    ).toBe('Fetching is off.');
    expect(
      refreshSummary({ updated: ['^RUT', 'IWM'], unchanged: ['SPY'], failed: [], skipped: null }),
    ).toBe('Refresh: 2 updated, 1 already current.');
  });
});
