import type { IndexSymbol } from './mention';
import type { SymbolDictionary } from './symbol-dictionary';

/** Index codes as quote sites write them (after stripping `^` or `.`), to caret symbols. */
const INDEX_URL_CODES: ReadonlyMap<string, IndexSymbol> = new Map([
  ['RUT', '^RUT'],
  ['SPX', '^GSPC'],
  ['INX', '^GSPC'],
  ['GSPC', '^GSPC'],
  ['IXIC', '^IXIC'],
  ['COMP', '^IXIC'],
  ['NDX', '^NDX'],
  ['DJI', '^DJI'],
  ['DJIA', '^DJI'],
  ['VIX', '^VIX'],
  ['RUI', '^RUI'],
  ['RUA', '^RUA'],
  ['SP600', '^SP600'],
  ['SML', '^SP600'],
  ['SP400', '^SP400'],
  ['MID', '^SP400'],
]);

/** Google Finance exchange codes of US venues and index families. */
const GOOGLE_US = new Set([
  'NASDAQ',
  'NYSE',
  'NYSEAMERICAN',
  'NYSEARCA',
  'NYSEMKT',
  'BATS',
  'OTCMKTS',
]);
const GOOGLE_INDEX = new Set(['INDEXSP', 'INDEXNASDAQ', 'INDEXDJX', 'INDEXRUSSELL', 'INDEXCBOE']);
/** TradingView / MarketBeat / Motley Fool exchange prefixes of US venues. */
const US_EXCHANGES = new Set(['NASDAQ', 'NYSE', 'AMEX', 'NYSEARCA', 'ARCA', 'OTC', 'CBOE', 'BATS']);
/** Morningstar venue codes (MIC) of US exchanges. */
const US_MICS = new Set(['xnas', 'xnys', 'arcx', 'xase', 'bats', 'pinx', 'otcm']);

type Rule = {
  host: string;
  pattern: RegExp;
  /** What the captured code is: a symbol, an index code, or either (`^`/`.` prefix decides). */
  as: 'symbol' | 'index' | 'auto';
};

/**
 * Quote-page URL shapes, by host suffix. The first capture group is the code; a second group,
 * when present, is an exchange that must be a US one.
 */
const RULES: readonly Rule[] = [
  { host: 'finance.yahoo.com', pattern: /^\/(?:quote|chart)\/([^/?#]+)/, as: 'auto' },
  { host: 'cnbc.com', pattern: /^\/quotes\/([^/?#]+)/, as: 'auto' },
  { host: 'marketwatch.com', pattern: /^\/investing\/(?:stock|fund)\/([^/?#]+)/, as: 'symbol' },
  { host: 'marketwatch.com', pattern: /^\/investing\/index\/([^/?#]+)/, as: 'index' },
  {
    host: 'nasdaq.com',
    pattern: /^\/market-activity\/(?:stocks|etf|funds-and-etfs)\/([^/?#]+)/,
    as: 'symbol',
  },
  { host: 'nasdaq.com', pattern: /^\/market-activity\/index\/([^/?#]+)/, as: 'index' },
  { host: 'seekingalpha.com', pattern: /^\/symbol\/([^/?#]+)/, as: 'auto' },
  { host: 'stocktwits.com', pattern: /^\/symbol\/([^/?#]+)/, as: 'auto' },
  { host: 'zacks.com', pattern: /^\/stock\/quote\/([^/?#]+)/, as: 'symbol' },
  { host: 'robinhood.com', pattern: /^\/(?:us\/en\/)?stocks\/([^/?#]+)/, as: 'symbol' },
  { host: 'barchart.com', pattern: /^\/(?:stocks|etfs-funds)\/quotes\/([^/?#]+)/, as: 'auto' },
  { host: 'wsj.com', pattern: /^\/market-data\/quotes\/([^/?#]+)\/?$/, as: 'symbol' },
  { host: 'wsj.com', pattern: /^\/market-data\/quotes\/index\/([^/?#]+)/, as: 'index' },
  { host: 'bloomberg.com', pattern: /^\/quote\/([^/?#:]+):US/, as: 'symbol' },
  { host: 'tradingview.com', pattern: /^\/symbols\/([A-Z]+)-([^/?#]+)/i, as: 'symbol' },
  { host: 'marketbeat.com', pattern: /^\/stocks\/([A-Z]+)\/([^/?#]+)/i, as: 'symbol' },
  { host: 'fool.com', pattern: /^\/quote\/([a-z]+)\/([^/?#]+)/i, as: 'symbol' },
  {
    host: 'morningstar.com',
    pattern: /^\/(?:stocks|etfs|funds)\/([a-z]{4})\/([^/?#]+)/i,
    as: 'symbol',
  },
];

function hostMatches(hostname: string, suffix: string): boolean {
  return hostname === suffix || hostname.endsWith(`.${suffix}`);
}

/** Resolves a ticker as written in a URL (`brk-b`, `BRK.B`, `brk/b`) against the dictionary. */
function resolveTicker(code: string, dictionary: SymbolDictionary): string | undefined {
  const m = /^([A-Za-z]{1,6})(?:[.\-/]([A-Za-z]))?$/.exec(code);
  if (!m || m[1] === undefined) return undefined;
  const root = m[1].toUpperCase();
  if (m[2] !== undefined) {
    const classed = `${root}.${m[2].toUpperCase()}`;
    return dictionary.flags.has(classed) ? classed : undefined;
  }
  return dictionary.flags.has(root) ? root : undefined;
}

function resolveIndex(code: string): IndexSymbol | undefined {
  return INDEX_URL_CODES.get(code.replace(/^[\^.$]/, '').toUpperCase());
}

function resolve(code: string, as: Rule['as'], dictionary: SymbolDictionary): string | undefined {
  if (as === 'index') return resolveIndex(code);
  if (as === 'auto' && /^[\^.]/.test(code)) return resolveIndex(code);
  return resolveTicker(code, dictionary);
}

/** A word every quote-page path above holds (`/quote/`, `/symbols/`, `/investing/`, ...). */
const QUOTE_PATH_HINT = /quote|chart|symbol|stock|invest|market-|etf|fund/i;

/**
 * Whether an href as written in the page (absolute or relative) can be a quote-page link that
 * {@link symbolFromQuoteUrl} maps: false only when it holds none of the quote paths' words and no
 * percent-escape. A test on the attribute's text, so a page's hundreds of article and navigation
 * links are dismissed without resolving and parsing each one as a URL.
 */
export function mayBeQuoteUrl(href: string): boolean {
  return QUOTE_PATH_HINT.test(href) || href.includes('%');
}

/**
 * Maps the href of a link to a quote page to the symbol it quotes, or undefined.
 * Knows Yahoo Finance (`/quote/KTOS`, `/quote/BRK-B`, `/quote/%5ERUT`), CNBC (`/quotes/KTOS`,
 * `/quotes/.SPX`), MarketWatch (`/investing/stock/ktos`, `/investing/index/rut`), Nasdaq
 * (`/market-activity/stocks/ktos`), Google Finance (`/finance/quote/KTOS:NASDAQ`,
 * `/finance/quote/.INX:INDEXSP`), Seeking Alpha, StockTwits, Finviz (`quote.ashx?t=KTOS`), Zacks,
 * Robinhood, Barchart, WSJ, Bloomberg (`/quote/KTOS:US`), TradingView (`/symbols/NASDAQ-KTOS/`),
 * MarketBeat, Motley Fool and Morningstar. Symbols must be in the dictionary (non-US listings such
 * as `SHEL.L` or `SHEL:LON` are rejected); indexes come back as caret symbols (`^RUT`).
 * `base` resolves relative hrefs (pass the page URL). Never throws.
 */
export function symbolFromQuoteUrl(
  href: string,
  dictionary: SymbolDictionary,
  base?: string,
): string | undefined {
  let url: URL;
  try {
    url = base === undefined ? new URL(href) : new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }

  if (hostMatches(host, 'google.com')) {
    const m = /^\/finance\/quote\/([^/:?#]+):([A-Z]+)/.exec(path);
    if (!m || m[1] === undefined || m[2] === undefined) return undefined;
    if (GOOGLE_INDEX.has(m[2])) return resolveIndex(m[1]);
    return GOOGLE_US.has(m[2]) ? resolveTicker(m[1], dictionary) : undefined;
  }
  if (hostMatches(host, 'finviz.com')) {
    const t = /^\/quote\.ashx$/.test(path) ? url.searchParams.get('t') : null;
    return t ? resolveTicker(t, dictionary) : undefined;
  }
  if (hostMatches(host, 'marketwatch.com')) {
    const country = url.searchParams.get('countrycode') ?? url.searchParams.get('countryCode');
    if (country && country.toLowerCase() !== 'us' && country.toLowerCase() !== 'xx')
      return undefined;
  }

  for (const rule of RULES) {
    if (!hostMatches(host, rule.host)) continue;
    const m = rule.pattern.exec(path);
    if (!m || m[1] === undefined) continue;
    if (m[2] !== undefined) {
      const venue = m[1];
      const usVenue =
        rule.host === 'morningstar.com'
          ? US_MICS.has(venue.toLowerCase())
          : US_EXCHANGES.has(venue.toUpperCase());
      return usVenue ? resolve(m[2], rule.as, dictionary) : undefined;
    }
    return resolve(m[1], rule.as, dictionary);
  }
  return undefined;
}
