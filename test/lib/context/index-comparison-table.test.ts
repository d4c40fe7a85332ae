import { describe, expect, it } from 'vitest';
import { buildIndexComparisonTable } from '../../../lib/context/index-comparison-table';
import { CONTEXT_ROWS, COMPARED_INDEXES } from '../../../lib/context/index-profiles';
import { figuresWithoutProvenance, nonFiniteNumbers } from './no-nan';
import { realBenchmarks, upTo } from './real-series';

const all = realBenchmarks();
const table = buildIndexComparisonTable({ available: all });

describe('buildIndexComparisonTable on the bundled data', () => {
  it('compares the Russell 2000, the S&P 500 and the Nasdaq Composite (QQQ standing in today)', () => {
    expect(table.asOf).toBe('2026-02-20');
    expect(table.indexes.map((i) => [i.requested, i.usedSymbol])).toEqual([
      ['^RUT', '^RUT'],
      ['^GSPC', '^GSPC'],
      ['^IXIC', 'QQQ'],
    ]);
    expect(table.notes).toEqual([
      'Nasdaq Composite history ends 2022-05-04; QQQ used (it tracks a related index, not the Nasdaq Composite)',
    ]);
    expect(nonFiniteNumbers(table)).toEqual([]);
    expect(figuresWithoutProvenance(table)).toEqual([]);
  });

  it('measures volatility over 63 days and five years: small caps are the most volatile', () => {
    const [short, long] = table.volatility;
    expect(short!.windowDays).toBe(63);
    expect(short!.figures.map((f) => Number(f.value!.toFixed(4)))).toEqual([
      0.1814, 0.1146, 0.1593,
    ]);
    expect(long!.windowDays).toBe(1260);
    expect(long!.figures.map((f) => Number(f.value!.toFixed(4)))).toEqual([0.2281, 0.1687, 0.2254]);
  });

  it('measures beta to the S&P 500 (1 for the S&P 500 itself) and rate sensitivity', () => {
    expect(table.beta.figures.map((f) => Number(f.value!.toFixed(3)))).toEqual([1.09, 1, 1.22]);
    expect(table.rateSensitivity.figures.map((f) => Number(f.value!.slope.toFixed(4)))).toEqual([
      -0.0451, -0.0204, -0.0201,
    ]);
  });

  it('sets the 2008 and 2020 declines side by side, with the year after the Russell 2000 trough', () => {
    const [crisis, pandemic] = table.episodes;
    expect(crisis!.from).toBe('2009-03-09');
    // The Nasdaq Composite's own history (to 2022) covers both episodes.
    expect(crisis!.cells.map((c) => c.symbol)).toEqual(['^RUT', '^GSPC', '^IXIC']);
    expect(crisis!.cells.map((c) => Number(c.decline.value!.drawdown.toFixed(4)))).toEqual([
      -0.5989, -0.5678, -0.5563,
    ]);
    expect(crisis!.cells.map((c) => c.decline.value!.recoveryDate)).toEqual([
      '2011-04-27',
      '2013-03-28',
      '2011-04-27',
    ]);
    expect(crisis!.cells.map((c) => Number(c.yearAfter.value!.toFixed(4)))).toEqual([
      0.9508, 0.6857, 0.845,
    ]);
    expect(crisis!.cells[0]!.yearAfter.asOf).toBe('2010-03-09');
    expect(pandemic!.from).toBe('2020-03-18');
    expect(pandemic!.cells.map((c) => c.decline.value!.tradingDaysToRecover)).toEqual([
      165, 103, 53,
    ]);
    expect(pandemic!.cells.map((c) => Number(c.yearAfter.value!.toFixed(4)))).toEqual([
      1.2878, 0.6327, 0.8765,
    ]);
  });

  it('quotes the published revenue splits with publisher and date, none for the Nasdaq Composite', () => {
    expect(table.revenue[0]!.map((q) => [q.nonUsShare, q.asOf])).toEqual([
      [0.1978, '2023-09-29'],
      [0.24, '2024-07'],
    ]);
    expect(table.revenue[1]![0]).toMatchObject({
      nonUsShare: 0.3939,
      of: 'Russell 1000',
      publisher: 'FTSE Russell',
    });
    expect(table.revenue[2]).toEqual([]);
  });

  it('words the rest as context, for each of the three indexes, with what it rests on', () => {
    expect(table.context.map((r) => r.id)).toEqual([
      'focus',
      'sensitivity',
      'revenue',
      'volatility',
      'cycle',
    ]);
    for (const row of CONTEXT_ROWS) {
      expect(Object.keys(row.text)).toEqual([...COMPARED_INDEXES]);
      expect(row.basis).not.toBe('');
    }
  });

  it('on an earlier date the 2020 episode is not there yet, and says why', () => {
    const early = buildIndexComparisonTable({ available: upTo(all, '2019-06-28') });
    expect(early.asOf).toBe('2019-06-28');
    expect(early.episodes[1]!.cells[0]!.decline.detail).toBe('the episode starts after 2019-06-28');
    // The Nasdaq Composite's own series reaches 2019: no proxy.
    expect(early.indexes[2]!.usedSymbol).toBe('^IXIC');
    // Rate sensitivity needs ^TNX, which the bundled data has to 2020.
    expect(early.rateSensitivity.figures[0]!.value).not.toBeNull();
  });
});
