import { describe, expect, it } from 'vitest';
import { exchangeName } from '../../../lib/context/exchange-name';
import { lastCloseFigure } from '../../../lib/context/last-close';
import { russell2000Membership } from '../../../lib/context/membership';
import { sectorShareFigure, sectorTotals } from '../../../lib/context/sector-share';
import { buildSymbolContext } from '../../../lib/context/symbol-context';
import { rateSensitivityDetailed } from '../../../lib/metrics/rate-sensitivity';
import { parseISharesHoldings } from '../../../lib/snapshot/ishares-holdings';
import { source } from '../snapshot/sources';
import { realBenchmarks, stock, upTo } from './real-series';

const holdings = parseISharesHoldings(
  source('russell2000-constituents/IWM_holdings_2026-05-05.csv'),
);
const file = { asOf: holdings.asOf, source: 'iShares IWM holdings' };
const row = (ticker: string) => holdings.rows.find((r) => r.ticker === ticker) ?? null;

describe('lastCloseFigure', () => {
  const sfm = stock('SFM');

  it("gives the symbol's own last close, the close before and the day change", () => {
    const f = lastCloseFigure(sfm);
    const n = sfm.dates.length;
    expect(f.value).toMatchObject({
      date: '2024-03-08',
      previousDate: '2024-03-07',
      close: sfm.closes[n - 1],
      previousClose: sfm.closes[n - 2],
      basis: 'adjusted',
    });
    expect(f.value?.change).toBeCloseTo(sfm.closes[n - 1]! / sfm.closes[n - 2]! - 1, 14);
    expect(f.value?.changeAmount).toBeCloseTo(sfm.closes[n - 1]! - sfm.closes[n - 2]!, 12);
    expect(f.asOf).toBe('2024-03-08');
    expect(f.source).toBe(sfm.source);
  });

  it('uses quoted closes when both are known, and rescales an adjusted previous close otherwise', () => {
    const series = {
      symbol: 'X',
      source: 's',
      dates: ['2024-01-02', '2024-01-03'],
      closes: [9, 10],
    };
    expect(lastCloseFigure(series, [9.5, 10.5]).value).toMatchObject({
      close: 10.5,
      previousClose: 9.5,
      basis: 'quoted',
    });
    // Quoted last close 10.5 against adjusted 10: the adjusted previous 9 becomes 9.45.
    const mixed = lastCloseFigure(series, [null, 10.5]).value;
    expect(mixed?.close).toBe(10.5);
    expect(mixed?.previousClose).toBeCloseTo(9.45, 12);
    expect(mixed?.change).toBeCloseTo(10 / 9 - 1, 12);
    expect(mixed?.basis).toBe('adjusted');
  });

  it('has no change for a single close, and is missing for an empty series', () => {
    const one = lastCloseFigure({ symbol: 'X', source: 's', dates: ['2024-01-02'], closes: [5] });
    expect(one.value).toMatchObject({ close: 5, previousClose: null, change: null });
    const none = lastCloseFigure({ symbol: 'X', source: 's', dates: [], closes: [] });
    expect(none.value).toBeNull();
    expect(none.detail).toBe('no closes for X');
  });
});

describe('russell2000Membership reasons', () => {
  it('a member has no reason; a listed stock missing from the file says so with its date', () => {
    const ionq = russell2000Membership({ holding: row('IONQ'), ...file }, 'stock');
    expect(ionq).toMatchObject({ status: 'member', reason: null, reasonText: null });
    const aapl = russell2000Membership({ holding: null, ...file }, 'stock');
    expect(aapl.status).toBe('not-listed');
    expect(aapl.reason).toBe('not-in-holdings');
    expect(aapl.reasonText).toBe('Not in the iShares IWM holdings of 2026-05-05.');
  });

  it('a fund or an index is never called a member, and no data means unknown', () => {
    expect(russell2000Membership({ holding: null, ...file }, 'etf').reasonText).toBe(
      'An ETF: funds are not index members.',
    );
    expect(russell2000Membership({ holding: null, ...file }, 'index').reason).toBe('index');
    const unknown = russell2000Membership(undefined, 'stock');
    expect(unknown).toMatchObject({ status: 'unknown', reason: 'no-holdings-data' });
  });
});

describe('sectorShareFigure on the real 2026-05-05 IWM holdings', () => {
  const totals = sectorTotals(holdings.rows);

  it('sector totals add up to the equity weight of the fund and count every member', () => {
    const sum = Object.values(totals).reduce((s, t) => s + t.weight, 0);
    const members = Object.values(totals).reduce((s, t) => s + t.members, 0);
    expect(sum).toBeCloseTo(
      holdings.rows.reduce((s, r) => s + r.weight, 0),
      12,
    );
    expect(members).toBe(holdings.rows.filter((r) => r.sector !== '').length);
  });

  it("IONQ's weight within Information Technology is its fund weight over the sector's", () => {
    const m = russell2000Membership({ holding: row('IONQ'), ...file }, 'stock');
    const f = sectorShareFigure(m, totals);
    const tech = totals['Information Technology']!;
    expect(f.value?.sector).toBe('Information Technology');
    expect(f.value?.share).toBeCloseTo(row('IONQ')!.weight / tech.weight, 14);
    expect(f.value?.members).toBe(
      holdings.rows.filter((r) => r.sector === 'Information Technology').length,
    );
    expect(f.asOf).toBe('2026-05-05');
  });

  it('is missing for a non-member and without totals', () => {
    const aapl = russell2000Membership({ holding: null, ...file }, 'stock');
    expect(sectorShareFigure(aapl, totals).detail).toBe('not a Russell 2000 member');
    const ionq = russell2000Membership({ holding: row('IONQ'), ...file }, 'stock');
    expect(sectorShareFigure(ionq, undefined).detail).toBe(
      'no total weight for the Information Technology sector',
    );
  });
});

describe('buildSymbolContext: the header and the rate sensitivity', () => {
  const all = realBenchmarks();

  it("IWM on 2026-02-20: its rate sensitivity beside the Russell 2000's, same window", () => {
    const iwm = all.IWM!;
    const ctx = buildSymbolContext({
      series: iwm,
      available: all,
      instrument: 'etf',
      membership: { holding: null, ...file },
      profile: { name: 'iShares Russell 2000 ETF', exchange: 'NYSE Arca', source: 'directory' },
    });
    expect(ctx.asOf).toBe('2026-02-20');
    expect(ctx.profile?.name).toBe('iShares Russell 2000 ETF');
    expect(ctx.membership.reason).toBe('etf');
    expect(ctx.lastClose.value?.date).toBe('2026-02-20');
    const own = rateSensitivityDetailed(iwm, all['^TNX']!, 63, '2026-02-20');
    const r2k = rateSensitivityDetailed(all['^RUT']!, all['^TNX']!, 63, '2026-02-20');
    expect(ctx.rateSensitivity.windowDays).toBe(63);
    expect(ctx.rateSensitivity.yieldSymbol).toBe('^TNX');
    expect(ctx.rateSensitivity.symbol.value?.slope).toBeCloseTo(own.value!.slope, 14);
    expect(ctx.rateSensitivity.russell2000.value?.slope).toBeCloseTo(r2k.value!.slope, 14);
    expect(ctx.rateSensitivity.symbol.source).toContain(all['^TNX']!.source);
  });

  it('a stock as of 2024-03-08 has no rate sensitivity in the yield history hole, with the reason', () => {
    const ctx = buildSymbolContext({ series: stock('SFM'), available: upTo(all, '2024-03-08') });
    expect(ctx.rateSensitivity.symbol.value).toBeNull();
    expect(ctx.rateSensitivity.symbol.reason).toBe('stale');
    expect(ctx.rateSensitivity.russell2000.value).toBeNull();
  });
});

describe('exchangeName', () => {
  it('writes the venues of the real holdings file the way readers know them', () => {
    const venues = [...new Set(holdings.rows.map((r) => r.exchange))].toSorted();
    expect(venues.map((v) => [v, exchangeName(v)])).toEqual([
      ['NASDAQ', 'Nasdaq'],
      ['NO MARKET (E.G. UNLISTED)', null],
      ['NYSE', 'NYSE'],
      ['Non-Nms Quotation Service (Nnqs)', 'OTC'],
      ['Nyse Mkt Llc', 'NYSE American'],
    ]);
    expect(exchangeName('NYSE Arca')).toBe('NYSE Arca');
    expect(exchangeName('')).toBeNull();
    expect(exchangeName(null)).toBeNull();
  });
});
