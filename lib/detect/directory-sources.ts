/**
 * Parsers for the raw symbol directories kept in lib/detect/sources. Pure functions over file
 * text; the CLI does the reading.
 */

/** Where a symbol trades, as the directories say. */
export type Venue = 'nasdaq' | 'nyse' | 'nyse-american' | 'nyse-arca' | 'cboe' | 'iex' | 'otc';

/** What kind of security a directory row is; only `equity` and `fund` enter the dictionary. */
export type SecurityType =
  'equity' | 'fund' | 'warrant' | 'right' | 'unit' | 'preferred' | 'note' | 'test';

/** One row of a directory, with the symbol already in canonical form (`BRK.B`). */
export interface Listing {
  symbol: string;
  name: string;
  venue: Venue;
  type: SecurityType;
  /** SEC Central Index Key, for SEC rows: one issuer, possibly several symbols. */
  cik?: number;
}

/**
 * Classifies a security by its name. Warrants, rights, units, preferreds and notes are left out
 * of the dictionary on purpose: their symbols (AACBR, ABCDW, BFS$D) almost never appear in prose,
 * and leaving them out keeps 5-letter codes ending in W/R/U from matching acronyms.
 */
export function classifySecurityName(name: string): SecurityType {
  if (/\bETNs?\b|exchange[- ]traded notes?|\bX-Links\b/i.test(name)) return 'fund';
  if (/\bwarrants?\b/i.test(name)) return 'warrant';
  if (/\bpreferred\b|\bpfd\b|\bpreference shares\b/i.test(name)) return 'preferred';
  if (/\bnotes? due\b|\bdebentures?\b|\bsenior notes?\b|\bsubordinated notes?\b/i.test(name)) {
    return 'note';
  }
  // SPAC units and rights are named "... - Units" / "... - Rights"; partnership "Depositary
  // Units" (IEP) and ADSs "representing ... units" are the common equity and stay in.
  if (
    /-\s*units?\.?\s*$|\bunits?\.?\s*$/i.test(name) &&
    !/depositary units|representing/i.test(name)
  ) {
    return 'unit';
  }
  if (/-\s*(?:contingent value )?rights?\b|\brights?\s*$/i.test(name)) return 'right';
  return 'equity';
}

function rows(text: string): string[][] {
  const out: string[][] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '' || line.startsWith('File Creation Time')) continue;
    out.push(line.split('|'));
  }
  return out;
}

/**
 * Parses NASDAQ Trader `nasdaqlisted.txt`
 * (`Symbol|Security Name|Market Category|Test Issue|Financial Status|Round Lot Size|ETF|NextShares`).
 * Test issues come back with type `test`.
 */
export function parseNasdaqListed(text: string): Listing[] {
  return rows(text).map(([symbol = '', name = '', , test = '', , , etf = '']) => ({
    symbol: symbol.trim(),
    name: name.trim(),
    venue: 'nasdaq' as const,
    type: test === 'Y' ? 'test' : etf === 'Y' ? 'fund' : classifySecurityName(name),
  }));
}

const OTHER_VENUES: Record<string, Venue> = {
  N: 'nyse',
  A: 'nyse-american',
  P: 'nyse-arca',
  Z: 'cboe',
  V: 'iex',
};

/**
 * Parses NASDAQ Trader `otherlisted.txt`
 * (`ACT Symbol|Security Name|Exchange|CQS Symbol|ETF|Round Lot Size|Test Issue|NASDAQ Symbol`).
 * ACT symbols use `.` for classes and suffixes (`BRK.B`, `AACT.U`, `BFLY.W`) and `$` for preferreds.
 */
export function parseOtherListed(text: string): Listing[] {
  return rows(text).map(([act = '', name = '', exchange = '', , etf = '', , test = '']) => {
    const symbol = act.trim();
    let type: SecurityType;
    if (test === 'Y') type = 'test';
    else if (symbol.includes('$')) type = 'preferred';
    else if (/\.(?:W|WS|WI)$/.test(symbol)) type = 'warrant';
    else if (symbol.endsWith('.U')) type = 'unit';
    else if (/\.(?:R|RT)$/.test(symbol)) type = 'right';
    else if (etf === 'Y') type = 'fund';
    else type = classifySecurityName(name);
    return { symbol, name: name.trim(), venue: OTHER_VENUES[exchange] ?? 'nyse', type };
  });
}

const SEC_VENUES: Record<string, Venue> = {
  Nasdaq: 'nasdaq',
  NYSE: 'nyse',
  CBOE: 'cboe',
  OTC: 'otc',
};

/**
 * Parses SEC `company_tickers_exchange.json`. Rows whose exchange is null are dropped (the corpus
 * guidelines do the same). `BRK-B` becomes `BRK.B`; `-P…` preferreds, `-UN`/`-U` units,
 * `-WT`/`-WS` warrants and `-R`/`-RT` rights are typed so the builder can skip them.
 */
export function parseSecTickers(json: string): Listing[] {
  const parsed = JSON.parse(json) as { data: [number, string, string, string | null][] };
  const out: Listing[] = [];
  for (const [cik, name, ticker, exchange] of parsed.data) {
    if (exchange === null) continue;
    const venue = SEC_VENUES[exchange];
    if (!venue) continue;
    let symbol = ticker.toUpperCase();
    let type: SecurityType = 'equity';
    const dash = symbol.indexOf('-');
    if (dash > 0) {
      const suffix = symbol.slice(dash + 1);
      if (/^(UN|U)$/.test(suffix)) type = 'unit';
      else if (/^(WT|WS|W)$/.test(suffix)) type = 'warrant';
      else if (/^(R|RT)$/.test(suffix)) type = 'right';
      else if (/^[A-Z]$/.test(suffix)) symbol = `${symbol.slice(0, dash)}.${suffix}`;
      else type = 'preferred';
    }
    out.push({ symbol, name, venue, type, cik });
  }
  return out;
}

/** One equity row of an iShares holdings export. */
export interface Holding {
  ticker: string;
  name: string;
  weightPercent: number;
  /** iShares' exchange text: "NASDAQ", "New York Stock Exchange Inc.", "Nyse Mkt Llc", ... */
  exchange: string;
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/**
 * Parses an iShares "Detailed Holdings and Analytics" CSV (BOM, preamble, header row starting
 * `Ticker,Name,`, legal footer) and returns the rows whose Asset Class is `Equity`.
 * Placeholder tickers (`-`, CVR codes with digits) are dropped.
 */
export function parseIsharesHoldings(csv: string): Holding[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines.findIndex((l) => l.startsWith('Ticker,Name,'));
  if (header < 0) throw new Error('no holdings header row');
  const out: Holding[] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith('"')) break;
    const [ticker = '', name = '', , assetClass = '', , weight = '', , , , , exchange = ''] =
      parseCsvLine(line);
    if (assetClass !== 'Equity' || !/^[A-Z]{1,6}$/.test(ticker)) continue;
    out.push({ ticker, name, weightPercent: Number(weight.replace(/,/g, '')), exchange });
  }
  return out;
}
