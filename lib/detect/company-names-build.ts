import { COMPANY_ALIASES } from './company-aliases';
import type { Listing } from './directory-sources';
import { SymbolFlag } from './symbol-flags';

/** One company name the matcher looks for. */
export interface CompanyName {
  /** The name without legal suffix, as written in the directory or alias table. */
  name: string;
  symbol: string;
  /** An everyday word, initials or a very short name: needs a suffix, ticker or verb nearby. */
  context: boolean;
  /** An exchange or index word ("Nasdaq", "Dow"): only with a legal suffix ("Nasdaq Inc"). */
  suffixRequired: boolean;
  /** Starts with a lower-case letter (onsemi, eBay): case must match exactly. */
  exactCase: boolean;
}

/** Words that end a security description in the NASDAQ Trader names. */
const SECURITY_DESCRIPTION =
  /\s+(?:New\s+)?(?:Class\s+[A-Z]\s+|Series\s+[A-Z]\s+)?(?:Common Stock|Common Shares|Ordinary Shares?|Registered Ordinary Shares|Registered Shares|American Depositary Shares?|American Depository Shares?|Depositary Shares|Depositary Receipts?|Sponsored ADR|ADRs?|ADSs?|Shares of Beneficial Interest|Common Units|Subordinate Voting Shares|Voting Shares|Capital Stock)\b.*$/i;

/** Legal-form words stripped from the end of a name ("Inc.", "Group", "Holdings", "& Co"). */
const TRAILING_LEGAL =
  /(?:[\s,]+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Companies|Ltd\.?|Limited|plc|p\.l\.c\.|Holdings?|Group|N\.V\.?|NV|S\.A\.?(?:B\. de C\.V\.)?|SA|S\.p\.A\.?|SpA|AG|SE|A\/S|ASA|AB|L\.P\.?|LP|LLC|L\.L\.C\.|Aktiengesellschaft)|\s*(?:&|and)\s+Co\.?)$/i;

/** Second and later words that only describe the business ("Palantir Technologies"). */
const GENERIC_TAIL = new Set(
  'technologies technology systems platforms sciences pharmaceuticals therapeutics international global communications laboratories wholesale markets automotive entertainment brands industries enterprises networks software semiconductor semiconductors solutions biosciences biotherapeutics interactive'.split(
    ' ',
  ),
);

/** Names that are also exchanges or indexes: counted only as "Nasdaq Inc", "Dow Inc". */
const VENUE_WORDS = new Set(['nasdaq', 'dow', 'nyse', 'cboe', 'russell', 'cme', 'ice']);

/**
 * Cleans a directory name down to what people write: "Apple Inc. - Common Stock" → "Apple",
 * "JPMORGAN CHASE & CO" → "JPMORGAN CHASE", "Coca-Cola Company (The)" → "Coca-Cola".
 */
export function coreCompanyName(raw: string): string {
  let name = raw.replace(/\s+-\s+.*$/, '').replace(SECURITY_DESCRIPTION, '');
  name = name.replace(/\s*\/[A-Z]{2,4}\/?\s*$/i, '').replace(/\s*\(The\)\s*$/i, '');
  name = name.replace(/^The\s+/i, '').trim();
  for (let k = 0; k < 4; k++) {
    const next = name.replace(TRAILING_LEGAL, '').replace(/[\s,.]+$/, '');
    if (next === name || next === '') break;
    name = next;
  }
  return name.replace(/\s+/g, ' ').trim();
}

/** Lists of everyday words (lower case) and common proper nouns (capitalised). */
interface WordLists {
  englishWordCounts: ReadonlyMap<string, number>;
  properNounCounts: ReadonlyMap<string, number>;
}

function isEveryday(word: string, lists: WordLists): boolean {
  const lower = word.toLowerCase();
  return (
    lists.englishWordCounts.has(lower) ||
    lists.properNounCounts.has(lower.charAt(0).toUpperCase() + lower.slice(1))
  );
}

function needsContext(name: string, lists: WordLists): boolean {
  const words = name.split(' ');
  const letters = name.replace(/[^A-Za-z0-9]/g, '');
  if (letters.length <= 3) return true;
  if (words.length === 1) {
    // A single word could be any English word the lists lack ("Integer", "Interface"); only
    // camel-case brands ("BlackRock", "AbbVie") and dotted names ("Amazon.com") stand alone.
    // Famous single-word names are in the alias table instead.
    return !/^[A-Za-z][a-z]*[A-Z]|[.&'-]/.test(name);
  }
  // "Morgan Stanley", "Wells Fargo": proper nouns together make a distinctive name. Two everyday
  // words ("Applied Materials", "Best Buy") still need context; three or more do not.
  if (words.length > 2) return false;
  return words.every((w) => lists.englishWordCounts.has(w.replace(/[^A-Za-z]/g, '').toLowerCase()));
}

/** Inputs of {@link buildCompanyNames}. */
export interface CompanyNameSources {
  /** SEC rows in file order (the first row of an issuer is its primary ticker). */
  sec: readonly Listing[];
  /** NASDAQ Trader security names by symbol (mixed case, nicer than SEC's capitals). */
  nasdaqTraderNames: ReadonlyMap<string, string>;
  /** The built symbol flags; funds and OTC-only symbols are not companies to name. */
  symbolFlags: ReadonlyMap<string, number>;
  /** Lower-case everyday words (SUBTLEX-US). */
  englishWordCounts: ReadonlyMap<string, number>;
  /** Capitalised common proper nouns: places, nationalities, first and family names (SUBTLEX-US). */
  properNounCounts: ReadonlyMap<string, number>;
}

/**
 * Builds the company-name list: for every issuer SEC lists on a US exchange, its primary ticker
 * and the cleaned names from SEC and NASDAQ Trader; a short form when the rest of the name only
 * describes the business ("Cisco" from "Cisco Systems") and no other company claims it; then the
 * hand-written aliases. Names claimed by two issuers are dropped.
 */
export function buildCompanyNames(src: CompanyNameSources): CompanyName[] {
  const bySymbol = new Map<string, Set<string>>();
  const seen = new Set<number>();
  for (const row of src.sec) {
    if (row.cik === undefined || seen.has(row.cik)) continue;
    seen.add(row.cik);
    if (row.venue === 'otc' || row.type !== 'equity') continue;
    const flags = src.symbolFlags.get(row.symbol);
    if (flags === undefined || flags & (SymbolFlag.Fund | SymbolFlag.OverTheCounter)) continue;
    const names = new Set<string>();
    for (const raw of [row.name, src.nasdaqTraderNames.get(row.symbol)]) {
      if (!raw) continue;
      const core = coreCompanyName(raw);
      if (core.length >= 2 && !/[|=]/.test(core)) names.add(core);
    }
    if (names.size > 0) bySymbol.set(row.symbol, names);
  }

  const claims = new Map<string, { name: string; symbols: Set<string> }>();
  const claim = (name: string, symbol: string) => {
    const key = name.toLowerCase();
    const entry = claims.get(key) ?? { name, symbols: new Set<string>() };
    entry.symbols.add(symbol);
    // Prefer the mixed-case spelling for display and case rules.
    if (/[a-z]/.test(name) && !/[a-z]/.test(entry.name)) entry.name = name;
    claims.set(key, entry);
  };
  for (const [symbol, names] of bySymbol) for (const name of names) claim(name, symbol);

  // Short forms: "Palantir Technologies" → "Palantir", if unclaimed and not an everyday word.
  const shortForms = new Map<string, Set<string>>();
  for (const [symbol, names] of bySymbol) {
    for (const name of names) {
      const words = name.split(' ');
      const first = words[0] ?? '';
      if (words.length < 2 || first.length < 4 || !/[a-z]/.test(first)) continue;
      if (!words.slice(1).every((w) => GENERIC_TAIL.has(w.toLowerCase()))) continue;
      if (isEveryday(first, src)) continue;
      const set = shortForms.get(first) ?? new Set<string>();
      set.add(symbol);
      shortForms.set(first, set);
    }
  }
  for (const [first, symbols] of shortForms) {
    if (symbols.size === 1 && !claims.has(first.toLowerCase())) claim(first, [...symbols][0] ?? '');
  }

  const out = new Map<string, CompanyName>();
  for (const { name, symbols } of claims.values()) {
    if (symbols.size !== 1) continue;
    const symbol = [...symbols][0] ?? '';
    out.set(name.toLowerCase(), {
      name,
      symbol,
      context: needsContext(name, src),
      suffixRequired: VENUE_WORDS.has(name.toLowerCase()),
      exactCase: /^[a-z]/.test(name),
    });
  }
  for (const alias of COMPANY_ALIASES) {
    if (!src.symbolFlags.has(alias.symbol)) continue;
    out.set(alias.name.toLowerCase(), {
      name: alias.name,
      symbol: alias.symbol,
      context: alias.context === true,
      suffixRequired: false,
      exactCase: /^[a-z]/.test(alias.name),
    });
  }
  return [...out.values()].toSorted((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Packs company names as `<flag digit><name>=<symbol>` joined by `|`; the digit's bits are
 * 1 = context, 2 = suffix required, 4 = exact case.
 */
export function encodeCompanyNames(names: readonly CompanyName[]): string {
  return names
    .map((n) => {
      const flags = (n.context ? 1 : 0) | (n.suffixRequired ? 2 : 0) | (n.exactCase ? 4 : 0);
      return `${flags}${n.name}=${n.symbol}`;
    })
    .join('|');
}
