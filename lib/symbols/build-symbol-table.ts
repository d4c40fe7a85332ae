import { isharesVenue, resolveIsharesTicker } from '../detect/build-dictionary';
import {
  parseIsharesHoldings,
  parseNasdaqListed,
  parseOtherListed,
  parseSecTickers,
  type Listing,
} from '../detect/directory-sources';
import { displayName } from './display-name';
import { encodeSymbolTable } from './symbol-table';
import type { EncodedSymbolTable, SymbolEntry, SymbolSource } from './symbol-table';

/** The raw files, as text, with their dates (see lib/detect/sources/PROVENANCE.txt). */
export interface SymbolTableSources {
  nasdaqListed: { text: string; asOf: string };
  otherListed: { text: string; asOf: string };
  secTickers: { text: string; asOf: string };
  iwmHoldings: { text: string; asOf: string };
}

/** What the build produced, with counts for the CLI. */
export interface SymbolTableBuild {
  encoded: EncodedSymbolTable;
  entries: SymbolEntry[];
  stats: {
    symbols: number;
    fromNasdaqTrader: number;
    fromSec: number;
    fromHoldings: number;
    funds: number;
  };
}

/** Symbols the table keeps: the detector's form (1-6 letters, an optional class letter). */
const SYMBOL = /^[A-Z]{1,6}(\.[A-Z])?$/;

/**
 * Builds the symbol table from the directories, the way the detector's dictionary chooses its
 * listings (lib/detect/build-dictionary.ts): NASDAQ Trader rows first (common stock and funds;
 * warrants, rights, units, preferreds, notes and test issues left out), SEC rows for the symbols
 * it lacks (mostly OTC), then the IWM holdings' members listed after the directories were saved.
 * Names lose their security description (see {@link displayName}) and keep the source's
 * capitalization. Deterministic; throws on malformed source files.
 */
export function buildSymbolTable(src: SymbolTableSources): SymbolTableBuild {
  const sources: SymbolSource[] = [
    { name: 'NASDAQ Trader symbol directory', asOf: src.nasdaqListed.asOf },
    { name: 'SEC company tickers and exchanges', asOf: src.secTickers.asOf },
    { name: 'iShares IWM holdings', asOf: src.iwmHoldings.asOf },
  ];
  const entries = new Map<string, SymbolEntry>();
  const skipped = new Set<string>();
  const add = (listing: Listing, source: number) => {
    entries.set(listing.symbol, {
      symbol: listing.symbol,
      name: displayName(listing.name),
      venue: listing.venue,
      instrument: listing.type === 'fund' ? 'etf' : 'stock',
      source,
    });
  };
  let fromNasdaqTrader = 0;
  for (const listing of [
    ...parseNasdaqListed(src.nasdaqListed.text),
    ...parseOtherListed(src.otherListed.text),
  ]) {
    if ((listing.type !== 'equity' && listing.type !== 'fund') || !SYMBOL.test(listing.symbol)) {
      skipped.add(listing.symbol);
      continue;
    }
    add(listing, 0);
    fromNasdaqTrader += 1;
  }
  let fromSec = 0;
  for (const listing of parseSecTickers(src.secTickers.text)) {
    if (listing.type !== 'equity' || !SYMBOL.test(listing.symbol)) continue;
    if (entries.has(listing.symbol) || skipped.has(listing.symbol)) continue;
    add(listing, 1);
    fromSec += 1;
  }
  let fromHoldings = 0;
  for (const { ticker, name, exchange } of parseIsharesHoldings(src.iwmHoldings.text)) {
    if (resolveIsharesTicker(ticker, entries) !== undefined) continue;
    const venue = isharesVenue(exchange);
    if (!venue || !SYMBOL.test(ticker) || skipped.has(ticker)) continue;
    add({ symbol: ticker, name, venue, type: 'equity' }, 2);
    fromHoldings += 1;
  }
  const list = [...entries.values()];
  return {
    encoded: encodeSymbolTable(sources, list),
    entries: list.toSorted((a, b) => (a.symbol < b.symbol ? -1 : 1)),
    stats: {
      symbols: list.length,
      fromNasdaqTrader,
      fromSec,
      fromHoldings,
      funds: list.filter((e) => e.instrument === 'etf').length,
    },
  };
}
