import {
  parseIsharesHoldings,
  parseNasdaqListed,
  parseOtherListed,
  parseSecTickers,
  type Listing,
  type Venue,
} from './directory-sources';
import { buildCompanyNames, encodeCompanyNames } from './company-names-build';
import { encodeSymbolDictionary } from './symbol-dictionary';
import { SymbolFlag } from './symbol-flags';
import {
  countIssuerNameAcronyms,
  isWordLike,
  parseAcronymList,
  parseWordCounts,
} from './word-like';

/** The raw source files, as text (see lib/detect/sources/PROVENANCE.txt). */
export interface DictionarySources {
  nasdaqListed: string;
  otherListed: string;
  secTickers: string;
  iwmHoldings: string;
  englishWords: string;
  properNouns: string;
  /** Upper-case lemmas of WordNet 3.1 (`acronym<TAB>synsets`). */
  acronyms: string;
}

/** Tunables of the build, with the values the shipped dictionary uses. */
export const BUILD_SETTINGS = {
  /** SUBTLEX-US count (of 51M words) from which a word makes a symbol word-like (~2 per million). */
  minWordCount: 100,
  /** Number of other issuers whose names must use an upper-case token to make it word-like. */
  minIssuerCount: 3,
} as const;

/** One dictionary entry before packing, with the name the company-name matcher starts from. */
export interface DictionaryEntry {
  symbol: string;
  flags: number;
  /** Directory name (NASDAQ Trader's when it has one, SEC's otherwise). */
  name: string;
  /** SEC's registrant name, when SEC lists the symbol. */
  secName?: string;
}

/** What the build produced, plus counts for the report. */
export interface DictionaryBuild {
  entries: DictionaryEntry[];
  packed: string;
  /** Packed company names (lib/detect/company-names-build.ts). */
  companies: string;
  /**
   * Symbols the newer IWM holdings add that the shipped directories do not list, with the
   * holdings' name: `SYM=NAME` joined by `|`, sorted. Older text may use these letters for the
   * company that held them before (`$BBBY`, `$GOLD`, `$ABX`).
   */
  newListings: string;
  stats: {
    symbols: number;
    excluded: Record<string, number>;
    russell2000: number;
    russell2000Unmatched: string[];
    addedFromHoldings: number;
    wordLike: number;
    foreignIssuers: number;
    otc: number;
    funds: number;
    nameLike: number;
    companyNames: number;
  };
}

const SYMBOL = /^[A-Z]{1,6}(\.[A-Z])?$/;

/**
 * Builds the symbol dictionary from the raw sources: NASDAQ Trader lists first (they know test
 * issues and security types), then SEC rows for symbols they lack (mostly OTC), then the Russell
 * 2000 bit from the IWM holdings, then the word-like and name-like rules. Deterministic.
 */
export function buildDictionary(sources: DictionarySources): DictionaryBuild {
  const excluded: Record<string, number> = {};
  const listings = new Map<string, Listing>();
  const skipped = new Set<string>();
  const secNames = new Map<string, string>();

  const nasdaqTrader = [
    ...parseNasdaqListed(sources.nasdaqListed),
    ...parseOtherListed(sources.otherListed),
  ];
  for (const listing of nasdaqTrader) {
    if ((listing.type !== 'equity' && listing.type !== 'fund') || !SYMBOL.test(listing.symbol)) {
      const reason = SYMBOL.test(listing.symbol) ? listing.type : `${listing.type}/odd-symbol`;
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      skipped.add(listing.symbol);
      continue;
    }
    listings.set(listing.symbol, listing);
  }
  for (const listing of parseSecTickers(sources.secTickers)) {
    // (parsed twice: once here for symbols, once below in file order for company names)
    if (listing.type !== 'equity' || !SYMBOL.test(listing.symbol)) {
      excluded[`sec-${listing.type}`] = (excluded[`sec-${listing.type}`] ?? 0) + 1;
      continue;
    }
    if (!secNames.has(listing.symbol)) secNames.set(listing.symbol, listing.name);
    // A symbol NASDAQ Trader lists as a warrant/right/unit stays out even if SEC has it.
    if (listings.has(listing.symbol) || skipped.has(listing.symbol)) continue;
    listings.set(listing.symbol, listing);
  }

  const secRows = parseSecTickers(sources.secTickers);
  const flags = new Map<string, number>();
  for (const [symbol, listing] of listings) {
    let f = 0;
    if (listing.type === 'fund') f |= SymbolFlag.Fund;
    if (listing.venue === 'otc') f |= SymbolFlag.OverTheCounter;
    flags.set(symbol, f);
  }

  const russell2000Unmatched: string[] = [];
  const newListings: string[] = [];
  let addedFromHoldings = 0;
  let russell2000 = 0;
  for (const { ticker, name, exchange } of parseIsharesHoldings(sources.iwmHoldings)) {
    let symbol = resolveIsharesTicker(ticker, flags);
    if (symbol === undefined) {
      // Listed after the directories were saved (the holdings are newer): the fund says it trades
      // on a US exchange, so it is added as an equity. Unlisted placeholders stay out.
      const venue = isharesVenue(exchange);
      if (!venue || !SYMBOL.test(ticker) || skipped.has(ticker)) {
        russell2000Unmatched.push(ticker);
        continue;
      }
      symbol = ticker;
      listings.set(symbol, { symbol, name, venue, type: 'equity' });
      flags.set(symbol, 0);
      newListings.push(`${symbol}=${name.replace(/[|=]/g, ' ')}`);
      addedFromHoldings++;
    }
    flags.set(symbol, (flags.get(symbol) ?? 0) | SymbolFlag.Russell2000);
    russell2000++;
  }

  const englishWordCounts = parseWordCounts(sources.englishWords);
  const wordCtx = {
    englishWordCounts,
    minWordCount: BUILD_SETTINGS.minWordCount,
    // Fund names are left out: single-stock ETFs ("YieldMax AAPL Option Income") name tickers.
    issuerNameAcronyms: countIssuerNameAcronyms(
      [...listings.values()].filter((l) => l.type !== 'fund'),
    ),
    minIssuerCount: BUILD_SETTINGS.minIssuerCount,
    dictionaryAcronyms: parseAcronymList(sources.acronyms),
  };
  const entries: DictionaryEntry[] = [];
  for (const [symbol, listing] of listings) {
    let f = flags.get(symbol) ?? 0;
    const issuer = { name: listing.name, fund: listing.type === 'fund' };
    if (isWordLike(symbol, wordCtx, issuer)) f |= SymbolFlag.WordLike;
    if (isNameLike(symbol, listing.name)) f |= SymbolFlag.NameLike;
    if (listing.type !== 'fund' && isForeignIssuer(listing.name)) f |= SymbolFlag.ForeignIssuer;
    const secName = secNames.get(symbol);
    entries.push({ symbol, flags: f, name: listing.name, ...(secName ? { secName } : {}) });
  }
  entries.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));

  const finalFlags = new Map(entries.map((e) => [e.symbol, e.flags]));
  const companies = buildCompanyNames({
    sec: secRows,
    nasdaqTraderNames: new Map(nasdaqTrader.map((l) => [l.symbol, l.name])),
    symbolFlags: finalFlags,
    englishWordCounts,
    properNounCounts: parseWordCounts(sources.properNouns),
  });
  const count = (bit: number) => entries.filter((e) => e.flags & bit).length;
  return {
    entries,
    packed: encodeSymbolDictionary(entries.map((e) => [e.symbol, e.flags] as const)),
    companies: encodeCompanyNames(companies),
    newListings: newListings.toSorted().join('|'),
    stats: {
      symbols: entries.length,
      excluded,
      russell2000,
      russell2000Unmatched,
      addedFromHoldings,
      wordLike: count(SymbolFlag.WordLike),
      foreignIssuers: count(SymbolFlag.ForeignIssuer),
      otc: count(SymbolFlag.OverTheCounter),
      funds: count(SymbolFlag.Fund),
      nameLike: count(SymbolFlag.NameLike),
      companyNames: companies.length,
    },
  };
}

/**
 * Maps an iShares ticker to the dictionary's symbol. iShares drops the share-class dot
 * (`MOGA` = `MOG.A`, `BRKB` = `BRK.B`), so a ticker the dictionary lacks is retried with a dot
 * before its last letter.
 */
export function resolveIsharesTicker(
  ticker: string,
  known: ReadonlyMap<string, unknown>,
): string | undefined {
  if (known.has(ticker)) return ticker;
  if (ticker.length >= 2) {
    const dotted = `${ticker.slice(0, -1)}.${ticker.slice(-1)}`;
    if (known.has(dotted)) return dotted;
  }
  return undefined;
}

/** Maps iShares' exchange text to a venue; undefined for "NO MARKET (E.G. UNLISTED)" and the like. */
export function isharesVenue(exchange: string): Venue | undefined {
  const e = exchange.toLowerCase();
  if (e.includes('nasdaq')) return 'nasdaq';
  if (e.includes('mkt') || e.includes('american')) return 'nyse-american';
  if (e.includes('nyse') || e.includes('new york stock exchange')) return 'nyse';
  if (e.includes('cboe')) return 'cboe';
  return undefined;
}

/**
 * Name-like: the issuer writes its own name starting with the symbol in capitals
 * ("HCA Healthcare, Inc.", "UBS Group AG"), so in prose the letters are the company's name.
 * Only mixed-case directory names count: an all-capitals SEC name says nothing.
 */
export function isNameLike(symbol: string, name: string): boolean {
  if (symbol.length < 2 || symbol.includes('.') || !/[a-z]/.test(name)) return false;
  const first = /^[A-Za-z&]+/.exec(name)?.[0];
  return first === symbol;
}

/**
 * A foreign issuer by its directory name: American depositary shares or receipts, or a legal form
 * of a foreign company (plc, N.V., S.A., AG, SE, S.p.A., A/S, ASA, AB, Oyj, SA, NV) in the
 * issuer part of the name. "Ltd" alone is left out: many US-listed holding companies use it.
 */
export function isForeignIssuer(name: string): boolean {
  if (/\bDepositary\b|\bDepository\b|\bADRs?\b|\bADSs?\b/i.test(name)) return true;
  const issuer = name.replace(/\s+-\s+.*$/, '');
  return /(?:^|[\s,])(?:plc|p\.l\.c\.|N\.V\.?|NV|S\.A\.?|SA|AG|SE|S\.p\.A\.?|SpA|A\/S|ASA|AB|Oyj)(?:$|[\s,.])/i.test(
    issuer,
  );
}
