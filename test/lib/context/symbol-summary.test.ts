import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MembershipInput } from '../../../lib/context/membership';
import { buildSymbolContext } from '../../../lib/context/symbol-context';
import { buildSymbolSummary, median, summarizePage } from '../../../lib/context/symbol-summary';
import { parseISharesHoldings } from '../../../lib/snapshot/ishares-holdings';
import {
  decodeSymbolTable,
  lookupSymbol,
  type SymbolTable,
} from '../../../lib/symbols/symbol-table';
import { realBenchmarks, stock } from './real-series';

const table = decodeSymbolTable(
  JSON.parse(readFileSync(new URL('../../../public/data/symbols.json', import.meta.url), 'utf8')),
) as SymbolTable;
const holdings = parseISharesHoldings(
  readFileSync(
    new URL(
      '../../../lib/snapshot/sources/russell2000-constituents/IWM_holdings_2026-05-05.csv',
      import.meta.url,
    ),
    'utf8',
  ),
);
const available = realBenchmarks();
const membership = (symbol: string): MembershipInput => ({
  holding: holdings.rows.find((r) => r.ticker === symbol) ?? null,
  asOf: holdings.asOf,
  source: 'iShares IWM holdings',
});
const summary = (symbol: 'SFM' | 'IONQ' | 'NVDA' | 'ONB') =>
  buildSymbolSummary({
    symbol,
    entry: lookupSymbol(table, symbol),
    sources: table.sources,
    membership: membership(symbol),
    series: stock(symbol),
    available,
  });

describe('buildSymbolSummary', () => {
  it('IONQ: name and venue from NASDAQ Trader, a member (Information Technology), 1Y excess as the card has it', () => {
    const s = summary('IONQ');
    expect(s).toMatchObject({
      symbol: 'IONQ',
      name: 'IonQ, Inc.',
      nameSource: 'NASDAQ Trader symbol directory, 2025-07-21',
      venue: 'NYSE',
      instrument: 'stock',
      membership: { status: 'member', sector: 'Information Technology', asOf: '2026-05-05' },
      pending: false,
    });
    expect(s.membership.weight).toBeCloseTo(0.00496, 5);
    // The stock's data ends 2024-03-08: the comparison is made on that date.
    expect(s.oneYear.asOf).toBe('2024-03-08');
    expect(s.oneYear.value!.excess).toBeCloseTo(1.02823, 5);
    const card = buildSymbolContext({
      series: stock('IONQ'),
      available,
      membership: membership('IONQ'),
    });
    expect(s.oneYear.value).toEqual(
      card.relative[0]!.periods.find((p) => p.period === '1Y')!.figure.value,
    );
  });

  it('SFM is not in the 2026-05-05 file (it left the index); NVDA neither', () => {
    expect(summary('SFM').membership).toMatchObject({
      status: 'not-listed',
      sector: null,
      weight: null,
    });
    expect(summary('SFM').oneYear.value!.excess).toBeCloseTo(0.80692, 5);
    expect(summary('NVDA').membership.status).toBe('not-listed');
  });

  it('funds and indexes are not members, and an index is named from the registry', () => {
    const iwm = buildSymbolSummary({
      symbol: 'IWM',
      entry: lookupSymbol(table, 'IWM'),
      sources: table.sources,
      membership: membership('IWM'),
      series: available.IWM!,
      available,
    });
    expect(iwm).toMatchObject({
      name: 'iShares Russell 2000 ETF',
      venue: 'NYSE Arca',
      instrument: 'etf',
    });
    expect(iwm.membership.status).toBe('not-a-stock');
    expect(iwm.oneYear.value!.excess).toBeCloseTo(0.00809, 5);
    const rut = buildSymbolSummary({ symbol: '^RUT', series: available['^RUT']!, available });
    expect(rut).toMatchObject({
      name: 'Russell 2000',
      nameSource: 'R2K Lens index registry',
      instrument: 'index',
      membership: { status: 'not-a-stock' },
    });
    expect(rut.oneYear.value!.excess).toBe(0);
  });

  it('without prices: the reason, and whether a fetch is under way', () => {
    const ktos = buildSymbolSummary({
      symbol: 'KTOS',
      entry: lookupSymbol(table, 'KTOS'),
      sources: table.sources,
      membership: membership('KTOS'),
      series: null,
      missingReason: 'no saved prices yet',
      available,
      pending: true,
    });
    expect(ktos.name).toBe('Kratos Defense & Security Solutions, Inc.');
    expect(ktos.membership).toMatchObject({ status: 'member', sector: 'Industrials' });
    expect(ktos.oneYear).toMatchObject({ value: null, detail: 'no saved prices yet' });
    expect(ktos.pending).toBe(true);
  });

  it('a symbol no table lists keeps its holdings name, or none', () => {
    const unknown = buildSymbolSummary({ symbol: 'ZZZQ', series: null, available });
    expect(unknown).toMatchObject({ name: null, nameSource: null, instrument: 'unknown' });
    expect(unknown.membership.status).toBe('unknown');
  });
});

describe('summarizePage', () => {
  it('counts members and takes the median 1Y excess of those with a figure', () => {
    const page = summarizePage(['SFM', 'IONQ', 'NVDA', 'ONB'].map((s) => summary(s as 'SFM')));
    expect(page).toMatchObject({
      symbols: 4,
      members: 2,
      membersWithReturn: 2,
      asOf: { from: '2024-03-08', to: '2024-03-08' },
      holdingsAsOf: '2026-05-05',
    });
    // IONQ +102.8 and ONB −6.7 points: the median of two is their mean.
    expect(page.medianExcess).toBeCloseTo((1.028233 - 0.067352) / 2, 5);
  });

  it('has no median without members', () => {
    expect(summarizePage([summary('NVDA')])).toMatchObject({
      members: 0,
      medianExcess: null,
      asOf: null,
    });
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
  });
});
