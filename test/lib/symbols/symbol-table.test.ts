import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';
import { buildSymbolTable } from '../../../lib/symbols/build-symbol-table';
import { displayName } from '../../../lib/symbols/display-name';
import {
  decodeSymbolTable,
  lookupSymbol,
  type SymbolTable,
} from '../../../lib/symbols/symbol-table';
import { readSymbolTableSources, serializeSymbolTable } from '../../../scripts/build-symbol-table';

const COMMITTED = new URL('../../../public/data/symbols.json', import.meta.url);
const build = buildSymbolTable(readSymbolTableSources());
const table = decodeSymbolTable(JSON.parse(readFileSync(COMMITTED, 'utf8'))) as SymbolTable;

describe('the symbol table (public/data/symbols.json)', () => {
  it('is exactly what `npm run symbols` builds from lib/detect/sources', () => {
    // On failure: run `npm run symbols` and commit the result with the source change.
    expect(readFileSync(COMMITTED, 'utf8') === serializeSymbolTable(build.encoded)).toBe(true);
    expect(build.stats).toEqual({
      symbols: 12854,
      fromNasdaqTrader: 10223,
      fromSec: 2580,
      fromHoldings: 51,
      funds: 4363,
    });
  });

  it('names every symbol the detector knows, and no other', () => {
    const detected = [...loadSymbolDictionary().flags.keys()].toSorted();
    expect([...table.entries.keys()].toSorted()).toEqual(detected);
  });

  it('gives names, venues and instruments with their source', () => {
    expect(lookupSymbol(table, 'SFM')).toEqual({
      symbol: 'SFM',
      name: 'Sprouts Farmers Market, Inc.',
      venue: 'nasdaq',
      instrument: 'stock',
      source: 0,
    });
    expect(lookupSymbol(table, 'IWM')).toMatchObject({
      name: 'iShares Russell 2000 ETF',
      venue: 'nyse-arca',
      instrument: 'etf',
    });
    expect(table.sources).toEqual([
      { name: 'NASDAQ Trader symbol directory', asOf: '2025-07-21' },
      { name: 'SEC company tickers and exchanges', asOf: '2025-08' },
      { name: 'iShares IWM holdings', asOf: '2026-05-05' },
    ]);
    // SEC names for what NASDAQ Trader lacks (mostly OTC), holdings names for newer members.
    expect(lookupSymbol(table, 'AAGH')).toMatchObject({
      name: 'America Great Health',
      venue: 'otc',
      source: 1,
    });
    expect(lookupSymbol(table, 'ABX')).toMatchObject({
      name: 'ABACUS GLOBAL MANAGEMENT INC',
      venue: 'nyse',
      source: 2,
    });
  });

  it('finds share classes however they are written', () => {
    for (const written of ['BRK.B', 'BRK-B', 'brk/b', 'BRKB']) {
      expect(lookupSymbol(table, written)?.symbol).toBe('BRK.B');
    }
    expect(lookupSymbol(table, 'MOGA')?.name).toBe('Moog Inc.');
    expect(lookupSymbol(table, '^RUT')).toBeUndefined();
    expect(lookupSymbol(table, 'ZZZZZZ')).toBeUndefined();
  });

  it('refuses a malformed file with a reason, never a partial table', () => {
    expect(decodeSymbolTable('x')).toBe('symbol table is not an object');
    expect(decodeSymbolTable({ ...build.encoded, formatVersion: 9 })).toBe(
      'symbol table has format 9, expected 1',
    );
    expect(decodeSymbolTable({ ...build.encoded, symbols: 'AAPL\tApple\tX\ts\t0' })).toBe(
      'symbol table line is malformed: AAPL\tApple\tX\ts\t0',
    );
    expect(decodeSymbolTable({ ...build.encoded, symbols: 'AAPL\tApple\tQ\ts\t7' })).toMatch(
      /malformed/,
    );
  });
});

describe('displayName', () => {
  it.each([
    ['Apple Inc. - Common Stock', 'Apple Inc.'],
    ['Alphabet Inc. - Class A Common Stock', 'Alphabet Inc.'],
    ['Moog Inc. Class A Common Stock', 'Moog Inc.'],
    ['Berkshire Hathaway Inc. New Common Stock', 'Berkshire Hathaway Inc.'],
    ['OLD NATIONAL BANCORP /IN/', 'OLD NATIONAL BANCORP'],
    ['Invesco QQQ Trust, Series 1', 'Invesco QQQ Trust, Series 1'],
    ['iShares Russell 2000 ETF', 'iShares Russell 2000 ETF'],
    ['HIMS HERS HEALTH INC CLASS A', 'HIMS HERS HEALTH INC'],
  ])('%s → %s', (raw, name) => expect(displayName(raw)).toBe(name));
});
