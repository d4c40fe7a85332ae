import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beta } from '../../../lib/metrics/beta-correlation';
import {
  BAD_PRINT_FACTOR,
  cleanPrice,
  cleanVolume,
  findBadPrints,
  isPlausibleEpochSeconds,
} from '../../../lib/providers/plausibility';
import { parseYahooChart } from '../../../lib/providers/yahoo-chart';
import { closeOn, loadFixture, loadYf2026 } from '../metrics/fixture-series';
import { yahooBody } from './fixture';

/** Every real history under test/fixtures/prices, with the column the app would use. */
const REAL_HISTORIES: [string, string][] = [
  ['index_etf_yf_2026/IDX_RUT.csv', 'Close'],
  ['index_etf_yf_2026/IWM.csv', 'Close'],
  ['index_etf_yf_2026/SPY.csv', 'Close'],
  ['index_etf_yf_2026/QQQ.csv', 'Close'],
  ['close_only_yf_to_2026_08/IDX_GSPC.csv', 'Close'],
  ['close_only_yf_to_2026_08/SPY.csv', 'Close'],
  ['close_only_yf_to_2026_08/QQQ.csv', 'Close'],
  ['index_etf_yahoo_2000_2022/IDX_RUT.csv', 'Adj Close'],
  ['index_etf_yahoo_2000_2022/SPY.csv', 'Adj Close'],
  ['index_etf_yahoo_2000_2022/SPY.csv', 'Close'],
  ['nasdaq_composite_1971_2022/IDX_IXIC.csv', 'Adj Close'],
  ['rates/IDX_TNX_yahoo_1962_2020.csv', 'Adj Close'],
  ['rates/IDX_TNX_yf_multiheader_2025_2026.csv', 'Close'],
  ['stocks_small_large_yahoo_2000_2024/NVDA.csv', 'Adj Close'],
  ['stocks_small_large_yahoo_2000_2024/NVDA.csv', 'Close'],
  ['stocks_small_large_yahoo_2000_2024/IONQ.csv', 'Adj Close'],
  ['stocks_small_large_yahoo_2000_2024/SFM.csv', 'Adj Close'],
  ['stocks_small_large_yahoo_2000_2024/ONB.csv', 'Adj Close'],
];

describe('value bounds', () => {
  it('keeps real prices and volumes, refuses zero, negative, infinite and absurd ones', () => {
    expect([2663.78, 0.000012, 702_000].map(cleanPrice)).toEqual([2663.78, 0.000012, 702_000]);
    expect([0, -1.5, Infinity, NaN, 1e300, null, undefined].map(cleanPrice)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect([0, 225_702_700].map(cleanVolume)).toEqual([0, 225_702_700]);
    expect([-1, Infinity, 1e300].map(cleanVolume)).toEqual([null, null, null]);
  });

  it('accepts timestamps from 1850 to 2200 only (1e20, -1e13 and 1e999 are out)', () => {
    expect(isPlausibleEpochSeconds(-1_325_462_400)).toBe(true); // 1928-01-01
    expect(isPlausibleEpochSeconds(1_771_597_800)).toBe(true); // 2026-02-20
    for (const t of [1e20, -1e13, Number('1e999'), NaN]) {
      expect(isPlausibleEpochSeconds(t)).toBe(false);
    }
  });
});

describe('the bad-print rule on real histories', () => {
  it.each(REAL_HISTORIES)('drops nothing from %s (%s)', (file, column) => {
    const s = loadFixture(file, column);
    expect(s.closes.length).toBeGreaterThan(100);
    expect(findBadPrints(s.closes).size).toBe(0);
  });

  it('keeps the crashes of 1987-10, 2008-10 and 2020-03 bar for bar', () => {
    const rut = loadYf2026('IDX_RUT');
    const gspc = loadFixture('close_only_yf_to_2026_08/IDX_GSPC.csv');
    expect(findBadPrints(rut.closes).size).toBe(0);
    expect(findBadPrints(gspc.closes).size).toBe(0);
    // The days themselves are in the data the rule passed (S&P 500 -20.5% on Black Monday).
    expect(closeOn(gspc, '1987-10-19') / closeOn(gspc, '1987-10-16')).toBeCloseTo(0.7953, 4);
    expect(closeOn(rut, '2020-03-16')).toBeCloseTo(1037.42, 2);
    expect(closeOn(rut, '2008-10-15') / closeOn(rut, '2008-10-14')).toBeCloseTo(0.9053, 4);
  });

  it('keeps a 10:1 split in unadjusted closes (NVDA closes divided by 10 from a date on)', () => {
    const nvda = loadFixture('stocks_small_large_yahoo_2000_2024/NVDA.csv', 'Close');
    const at = nvda.dates.indexOf('2023-06-01');
    const split = nvda.closes.map((c, i) => (i >= at ? c / 10 : c));
    expect(findBadPrints(split).size).toBe(0);
    // On the last bars too, where nothing can confirm it yet.
    const late = nvda.closes.map((c, i) => (i >= nvda.closes.length - 2 ? c / 10 : c));
    expect(findBadPrints(late).size).toBe(0);
  });

  it('keeps the recorded NVDA 4:1 split year and its split event', () => {
    const nvda = parseYahooChart(
      yahooBody('historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json'),
      'NVDA',
    );
    expect(nvda.bars).toHaveLength(252);
    expect(nvda.badPrints).toEqual([]);
    expect(nvda.splits).toEqual([{ date: '2021-07-20', numerator: 4, denominator: 1 }]);
  });

  it('drops injected bad prints and nothing else', () => {
    const rut = loadYf2026('IDX_RUT');
    const n = rut.closes.length;
    const with1e300 = [...rut.closes];
    with1e300[5000] = 1e300;
    expect([...findBadPrints(with1e300)]).toEqual([5000]);
    // Pence for pounds for three days (x100), a decimal shift down for one (x0.1).
    const shifted = rut.closes.map((c, i) =>
      i >= 7000 && i < 7003 ? c * 100 : i === 8000 ? c / 10 : c,
    );
    expect([...findBadPrints(shifted)].toSorted((a, b) => a - b)).toEqual([7000, 7001, 7002, 8000]);
    // At either end, beyond x100.
    const ends = rut.closes.map((c, i) => (i === 0 || i === n - 1 ? c * 1e6 : c));
    expect([...findBadPrints(ends)].toSorted((a, b) => a - b)).toEqual([0, n - 1]);
  });

  it('keeps a jump just under the factor, and one that does not come back', () => {
    const iwm = loadYf2026('IWM');
    const under = iwm.closes.map((c, i) => (i === 3000 ? c * (BAD_PRINT_FACTOR - 0.1) : c));
    expect(findBadPrints(under).size).toBe(0);
    // x6 for two bars then only part of the way back (x3): a real move as far as the rule can tell.
    const lasting = iwm.closes.map((c, i) => (i >= 3000 ? c * (i < 3002 ? 6 : 3) : c));
    expect(findBadPrints(lasting).size).toBe(0);
    // A crash to a fifth that recovers to half within the week (x0.19, then x0.5): kept.
    const crash = iwm.closes.map((c, i) => (i >= 3000 ? c * (i < 3001 ? 0.19 : 0.5) : c));
    expect(findBadPrints(crash).size).toBe(0);
    // x7.5 for a day on a calm stretch: a bad print.
    const spike = iwm.closes.map((c, i) => (i === 3000 ? c * 7.5 : c));
    expect([...findBadPrints(spike)]).toEqual([3000]);
  });
});

/** Cases of the property below (fixed seed, so CI runs the same ones). */
export const SPIKE_RUNS = 1000;

describe('the bad-print rule as a property over real histories', () => {
  const histories = REAL_HISTORIES.map(([file, column]) => loadFixture(file, column).closes);

  it(`finds exactly an injected bad print, in any window of any history: ${SPIKE_RUNS} cases`, () => {
    const arb = fc
      .record({
        history: fc.nat({ max: histories.length - 1 }),
        start: fc.nat(),
        length: fc.integer({ min: 30, max: 400 }),
        at: fc.nat(),
        run: fc.integer({ min: 1, max: 5 }),
        // Far beyond any move of the real data over a week (at most x2.1, NVDA in 2000).
        factor: fc.constantFrom(20, 100, 1000, 1e6, 0.05, 0.01, 1e-6),
      })
      .map(({ history, start, length, at, run, factor }) => {
        const all = histories[history] as number[];
        const from = start % Math.max(1, all.length - length);
        const window = all.slice(from, from + length);
        // Interior, with a clean bar on each side.
        const first = 1 + (at % (window.length - run - 2));
        const spiked = window.map((c, i) => (i >= first && i < first + run ? c * factor : c));
        return { window, spiked, first, run };
      });
    fc.assert(
      fc.property(arb, ({ window, spiked, first, run }) => {
        if (findBadPrints(window).size !== 0) return false;
        const found = [...findBadPrints(spiked)].toSorted((a, b) => a - b);
        return (
          JSON.stringify(found) === JSON.stringify(Array.from({ length: run }, (_, k) => first + k))
        );
      }),
      { numRuns: SPIKE_RUNS, seed: 20_261_123 },
    );
  });
});

function asSeries(s: ReturnType<typeof parseYahooChart>) {
  return {
    dates: s.bars.map((b) => b.date),
    closes: s.bars.map((b) => (b.adjClose ?? b.close) as number),
  };
}

describe('bad prints reach neither the cache nor the analytics', () => {
  type Body = {
    chart: { result: { indicators: { adjclose: { adjclose: (number | null)[] }[] } }[] };
  };
  const rut = parseYahooChart(yahooBody('derived-IDX_RUT-2025-02-to-2026-02-20.json'), '^RUT');

  it('one 1e300 adjusted close or one x1000 print: dropped, beta stays that of the real data', () => {
    const clean = parseYahooChart(yahooBody('derived-IWM-2025-02-to-2026-02-20.json'), 'IWM');
    const real = beta(asSeries(clean), asSeries(rut), 120) as number;
    expect(real).toBeCloseTo(1.0, 1);
    const day = clean.bars[200]?.date;
    for (const spike of [(_x: number) => 1e300, (x: number) => x * 1000]) {
      const body = structuredClone(yahooBody('derived-IWM-2025-02-to-2026-02-20.json')) as Body;
      const adj = body.chart.result[0]!.indicators.adjclose[0]!.adjclose;
      adj[200] = spike(adj[200] as number);
      const spiked = parseYahooChart(body, 'IWM');
      expect(spiked.bars).toHaveLength(clean.bars.length - 1);
      expect(spiked.bars.map((b) => b.date)).not.toContain(day);
      const after = beta(asSeries(spiked), asSeries(rut), 120) as number;
      expect(Math.abs(after - real)).toBeLessThan(0.02);
    }
    // 1e300 is out of bounds outright; x1000 is within them and caught by the bad-print rule.
    const body = structuredClone(yahooBody('derived-IWM-2025-02-to-2026-02-20.json')) as Body;
    const adj = body.chart.result[0]!.indicators.adjclose[0]!.adjclose;
    adj[200] = (adj[200] as number) * 1000;
    expect(parseYahooChart(body, 'IWM').badPrints).toEqual([day]);
  });

  it('an adjusted close of 0 or below: that bar is dropped, the rest stays adjusted', () => {
    const body = structuredClone(yahooBody('chart-AAPL-2020-08-31-to-2020-11-07.json')) as Body;
    const adj = body.chart.result[0]!.indicators.adjclose[0]!.adjclose;
    adj[10] = 0;
    adj[20] = -5;
    const s = parseYahooChart(body, 'AAPL');
    expect(s.bars).toHaveLength(47);
    expect(s.bars.every((b) => b.adjClose !== null && b.adjClose > 0)).toBe(true);
  });
});
