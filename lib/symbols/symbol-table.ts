/**
 * The symbol table: symbol → company or fund name, listing venue and instrument, for every US
 * listing the detector knows (NASDAQ Trader and SEC directories, plus Russell 2000 members listed
 * after them). Built at development time (`npm run symbols`) into `public/data/symbols.json`,
 * read by the background when a view needs names (the popup's "On this page", the hover card).
 */

/** Where a symbol is listed. */
export type Venue = 'nasdaq' | 'nyse' | 'nyse-american' | 'nyse-arca' | 'cboe' | 'iex' | 'otc';

/** What a symbol is: a company's stock or an exchange-traded fund (or note). */
export type SymbolInstrument = 'stock' | 'etf';

/** One entry of the table. */
export interface SymbolEntry {
  /** Canonical form: `BRK.B`, `AAPL`. */
  symbol: string;
  /** Name as its source writes it, without the security description ("Apple Inc."). */
  name: string;
  venue: Venue;
  instrument: SymbolInstrument;
  /** Index into {@link SymbolTable.sources} of where the name comes from. */
  source: number;
}

/** A source file of the table, cited beside the names it gave. */
export interface SymbolSource {
  /** e.g. "NASDAQ Trader symbol directory". */
  name: string;
  /** Date of the file (`YYYY-MM-DD`, or `YYYY-MM` when only the month is known). */
  asOf: string;
}

/** The decoded table. */
export interface SymbolTable {
  sources: SymbolSource[];
  /** Entries by canonical symbol. */
  entries: ReadonlyMap<string, SymbolEntry>;
}

/** Version of `public/data/symbols.json`; bumped when its shape changes. */
export const SYMBOL_TABLE_FORMAT_VERSION = 1;

/** Human-readable venue names. */
export const VENUE_NAMES: Readonly<Record<Venue, string>> = {
  nasdaq: 'Nasdaq',
  nyse: 'NYSE',
  'nyse-american': 'NYSE American',
  'nyse-arca': 'NYSE Arca',
  cboe: 'Cboe',
  iex: 'IEX',
  otc: 'OTC',
};

const VENUE_CODES: Readonly<Record<Venue, string>> = {
  nasdaq: 'Q',
  nyse: 'N',
  'nyse-american': 'A',
  'nyse-arca': 'P',
  cboe: 'Z',
  iex: 'V',
  otc: 'O',
};
const CODE_VENUES = new Map(Object.entries(VENUE_CODES).map(([v, c]) => [c, v as Venue]));

/** The JSON file's shape: one line per symbol, `SYMBOL\tNAME\tVENUE\tINSTRUMENT\tSOURCE`. */
export interface EncodedSymbolTable {
  formatVersion: number;
  sources: SymbolSource[];
  /** Lines sorted by symbol; venue as one letter, instrument `s` or `f`, source as an index. */
  symbols: string;
}

/** Packs entries (sorted by symbol) into the file's shape. */
export function encodeSymbolTable(
  sources: readonly SymbolSource[],
  entries: readonly SymbolEntry[],
): EncodedSymbolTable {
  const lines = entries
    .toSorted((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0))
    .map(
      (e) =>
        `${e.symbol}\t${e.name.replace(/[\t\n]/g, ' ')}\t${VENUE_CODES[e.venue]}\t${e.instrument === 'etf' ? 'f' : 's'}\t${e.source}`,
    );
  return {
    formatVersion: SYMBOL_TABLE_FORMAT_VERSION,
    sources: [...sources],
    symbols: lines.join('\n'),
  };
}

/**
 * Reads the table back from its JSON form. Returns the table, or a message saying what is wrong
 * (wrong version, malformed line); nothing partial.
 */
export function decodeSymbolTable(value: unknown): SymbolTable | string {
  if (typeof value !== 'object' || value === null) return 'symbol table is not an object';
  const raw = value as Partial<EncodedSymbolTable>;
  if (raw.formatVersion !== SYMBOL_TABLE_FORMAT_VERSION) {
    return `symbol table has format ${String(raw.formatVersion)}, expected ${SYMBOL_TABLE_FORMAT_VERSION}`;
  }
  if (!Array.isArray(raw.sources) || typeof raw.symbols !== 'string') {
    return 'symbol table lacks its sources or symbols';
  }
  const sources = raw.sources;
  const entries = new Map<string, SymbolEntry>();
  for (const line of raw.symbols.split('\n')) {
    if (line === '') continue;
    const [symbol = '', name = '', venueCode = '', kind = '', sourceText = ''] = line.split('\t');
    const venue = CODE_VENUES.get(venueCode);
    const source = Number(sourceText);
    if (
      symbol === '' ||
      venue === undefined ||
      (kind !== 's' && kind !== 'f') ||
      !Number.isInteger(source) ||
      source < 0 ||
      source >= sources.length
    ) {
      return `symbol table line is malformed: ${line.slice(0, 60)}`;
    }
    entries.set(symbol, {
      symbol,
      name,
      venue,
      instrument: kind === 'f' ? 'etf' : 'stock',
      source,
    });
  }
  return { sources, entries };
}

/**
 * The entry for `symbol` as written on a page or by a provider: exact first, then with the
 * share-class separator normalized (`BRK-B`, `BRK/B` and iShares' `BRKB` all find `BRK.B`).
 * `undefined` when the table does not list it (indexes, foreign listings, newer IPOs).
 */
export function lookupSymbol(table: SymbolTable, symbol: string): SymbolEntry | undefined {
  const upper = symbol.toUpperCase();
  const exact = table.entries.get(upper);
  if (exact) return exact;
  const dotted = upper.replace(/[-/]/g, '.');
  if (dotted !== upper) {
    const found = table.entries.get(dotted);
    if (found) return found;
  }
  if (/^[A-Z]{2,6}$/.test(upper))
    return table.entries.get(`${upper.slice(0, -1)}.${upper.slice(-1)}`);
  return undefined;
}
