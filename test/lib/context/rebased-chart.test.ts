import { describe, expect, it } from 'vitest';
import { evenSample, MAX_CHART_POINTS, rebasedChart } from '../../../lib/context/rebased-chart';
import { realBenchmarks } from './real-series';

const all = realBenchmarks();

describe('rebasedChart', () => {
  it('by hand: inner join over 1M, rebased to 100 at the last shared close on or before the start', () => {
    const a = {
      dates: ['2024-01-30', '2024-02-01', '2024-02-02', '2024-02-05', '2024-03-01'],
      closes: [8, 10, 11, 12, 15],
    };
    // b lacks 2024-02-02 (a holiday of its own) and has 2024-02-03, which a lacks.
    const b = {
      dates: ['2024-01-30', '2024-02-01', '2024-02-03', '2024-02-05', '2024-03-01'],
      closes: [40, 50, 52, 45, 55],
    };
    const chart = rebasedChart(
      [
        { series: a, symbol: 'A', label: 'a' },
        { series: b, symbol: 'B', label: 'b' },
      ],
      '1M',
      '2024-03-01',
    ).value;
    expect(chart?.startDate).toBe('2024-02-01');
    expect(chart?.dates).toEqual(['2024-02-01', '2024-02-05', '2024-03-01']);
    expect(chart?.lines[0]?.values).toEqual([100, 120, 150]);
    expect(chart?.lines[1]?.values).toEqual([100, 90, 110]);
  });

  it('5Y of daily data is downsampled to at most 260 points, keeping the first and last', () => {
    const chart = rebasedChart(
      [
        { series: all['^RUT']!, symbol: '^RUT', label: 'Russell 2000' },
        { series: all['^GSPC']!, symbol: '^GSPC', label: 'S&P 500' },
      ],
      '5Y',
      '2026-02-20',
    ).value;
    expect(chart?.dates.length).toBe(MAX_CHART_POINTS);
    expect(chart?.dates[0]).toBe('2021-02-19');
    expect(chart?.dates.at(-1)).toBe('2026-02-20');
    expect(chart?.lines[0]?.values[0]).toBe(100);
    const rutFirst = all['^RUT']!.closes[all['^RUT']!.dates.indexOf('2021-02-19')]!;
    expect(chart?.lines[0]?.values.at(-1)).toBeCloseTo((2663.78 / rutFirst) * 100, 3);
  });

  it('evenSample keeps both ends and stays within bounds', () => {
    expect(evenSample(5, 260)).toEqual([0, 1, 2, 3, 4]);
    const picks = evenSample(1260, 260);
    expect(picks.length).toBe(260);
    expect(picks[0]).toBe(0);
    expect(picks.at(-1)).toBe(1259);
  });

  it('is explicit when the shared history is shorter than the period or starts after as-of', () => {
    const ixic = all['^IXIC']!;
    expect(
      rebasedChart([{ series: ixic, symbol: '^IXIC', label: 'x' }], '1Y', '1971-06-01').reason,
    ).toBe('insufficient-history');
    expect(
      rebasedChart([{ series: ixic, symbol: '^IXIC', label: 'x' }], '1Y', '1960-06-01').reason,
    ).toBe('as-of-before-start');
    expect(rebasedChart([], '1Y', '2020-01-01').reason).toBe('empty-series');
  });
});
