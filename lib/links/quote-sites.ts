/**
 * Quote sites the card links to ("Open on Yahoo Finance"): one table of each site's name and
 * page forms for stocks, funds and indexes, used by the card (the link), the settings (the ids a
 * stored choice may take) and the options page (the names). Symbols are the extension's (Yahoo
 * style: `^RUT` for indexes, `BRK.B` for share classes); each site spells them its own way.
 * Pure; the user's choice comes from the settings.
 */

/** What the card knows about a symbol (the protocol's `Instrument`). */
export type QuoteInstrument = 'stock' | 'etf' | 'index' | 'unknown';

/** A quote site the user can pick. */
export interface QuoteSite {
  id: QuoteSiteId;
  name: string;
  /**
   * The quote page of `symbol` (Yahoo style: `BRK.B`, `^RUT`), listed on `exchange` (a display
   * name from `exchangeName`, when known), or `null` when the site has no page for it.
   */
  url(symbol: string, exchange?: string | null, instrument?: QuoteInstrument): string | null;
}

export const QUOTE_SITE_IDS = [
  'yahoo',
  'google',
  'cnbc',
  'marketwatch',
  'nasdaq',
  'finviz',
] as const;
export type QuoteSiteId = (typeof QUOTE_SITE_IDS)[number];

/** Yahoo Finance, the default. */
export const DEFAULT_QUOTE_SITE: QuoteSiteId = 'yahoo';

/** Index codes on the sites that name indexes their own way. */
const INDEX_CODES: Readonly<
  Record<string, { google: string; cnbc: string; marketwatch: string; nasdaq: string }>
> = {
  '^RUT': { google: 'RUT:INDEXRUSSELL', cnbc: '.RUT', marketwatch: 'rut', nasdaq: 'rut' },
  '^GSPC': { google: '.INX:INDEXSP', cnbc: '.SPX', marketwatch: 'spx', nasdaq: 'spx' },
  '^IXIC': { google: '.IXIC:INDEXNASDAQ', cnbc: '.IXIC', marketwatch: 'comp', nasdaq: 'comp' },
  '^NDX': { google: 'NDX:INDEXNASDAQ', cnbc: '.NDX', marketwatch: 'ndx', nasdaq: 'ndx' },
  '^DJI': { google: '.DJI:INDEXDJX', cnbc: '.DJI', marketwatch: 'djia', nasdaq: 'indu' },
  '^SP600': { google: 'SP600:INDEXSP', cnbc: '.SPCY', marketwatch: 'sml', nasdaq: 'sml' },
};

/** Google Finance's exchange codes for the venues `exchangeName` writes. */
const GOOGLE_EXCHANGES: Readonly<Record<string, string>> = {
  Nasdaq: 'NASDAQ',
  NYSE: 'NYSE',
  'NYSE American': 'NYSEAMERICAN',
  'NYSE Arca': 'NYSEARCA',
  Cboe: 'BATS',
};

const enc = encodeURIComponent;
const isIndex = (symbol: string, instrument?: QuoteInstrument) =>
  symbol.startsWith('^') || instrument === 'index';

export const QUOTE_SITES: Readonly<Record<QuoteSiteId, QuoteSite>> = {
  yahoo: {
    id: 'yahoo',
    name: 'Yahoo Finance',
    // Yahoo writes share classes with a dash (BRK-B) and keeps the caret of indexes.
    url: (s) => `https://finance.yahoo.com/quote/${enc(s.split('.').join('-'))}/`,
  },
  google: {
    id: 'google',
    name: 'Google Finance',
    // Google names a listing SYMBOL:EXCHANGE; without a known exchange it has no page to link.
    url: (s, exchange, instrument) => {
      const code = isIndex(s, instrument)
        ? INDEX_CODES[s]?.google
        : exchange && GOOGLE_EXCHANGES[exchange]
          ? `${enc(s)}:${GOOGLE_EXCHANGES[exchange]}`
          : undefined;
      return code ? `https://www.google.com/finance/quote/${code}` : null;
    },
  },
  cnbc: {
    id: 'cnbc',
    name: 'CNBC',
    url: (s, _exchange, instrument) => {
      if (!isIndex(s, instrument)) return `https://www.cnbc.com/quotes/${enc(s)}`;
      const code = INDEX_CODES[s]?.cnbc;
      return code ? `https://www.cnbc.com/quotes/${enc(code)}` : null;
    },
  },
  marketwatch: {
    id: 'marketwatch',
    name: 'MarketWatch',
    url: (s, _exchange, instrument) => {
      if (isIndex(s, instrument)) {
        const code = INDEX_CODES[s]?.marketwatch;
        return code ? `https://www.marketwatch.com/investing/index/${enc(code)}` : null;
      }
      const kind = instrument === 'etf' ? 'fund' : 'stock';
      return `https://www.marketwatch.com/investing/${kind}/${enc(s.toLowerCase())}`;
    },
  },
  nasdaq: {
    id: 'nasdaq',
    name: 'Nasdaq.com',
    url: (s, _exchange, instrument) => {
      if (isIndex(s, instrument)) {
        const code = INDEX_CODES[s]?.nasdaq;
        return code ? `https://www.nasdaq.com/market-activity/index/${enc(code)}` : null;
      }
      const kind = instrument === 'etf' ? 'etf' : 'stocks';
      return `https://www.nasdaq.com/market-activity/${kind}/${enc(s.toLowerCase().split('.').join('-'))}`;
    },
  },
  finviz: {
    id: 'finviz',
    name: 'Finviz',
    // Finviz has pages for US listings only, none for indexes.
    url: (s, _exchange, instrument) =>
      isIndex(s, instrument)
        ? null
        : `https://finviz.com/quote.ashx?t=${enc(s.toUpperCase().split('.').join('-'))}`,
  },
};

/** The site for a stored choice; anything unknown falls back to {@link DEFAULT_QUOTE_SITE}. */
export function quoteSite(id: unknown): QuoteSite {
  return QUOTE_SITE_IDS.includes(id as QuoteSiteId)
    ? QUOTE_SITES[id as QuoteSiteId]
    : QUOTE_SITES[DEFAULT_QUOTE_SITE];
}

/** A symbol's page on a quote site. */
export interface QuoteLink {
  url: string;
  /** The site the link opens: the one asked for, or Yahoo Finance when it has no page for it. */
  site: QuoteSiteId;
  name: string;
}

/**
 * The page of `symbol` on the chosen site; when that site has no page for it (an index it does
 * not carry, a listing without a known exchange on Google), the Yahoo Finance page, saying so.
 */
export function quoteLink(
  id: unknown,
  symbol: string,
  exchange: string | null = null,
  instrument: QuoteInstrument = 'unknown',
): QuoteLink {
  const site = quoteSite(id);
  const url = site.url(symbol, exchange, instrument);
  if (url !== null) return { url, site: site.id, name: site.name };
  const fallback = QUOTE_SITES[DEFAULT_QUOTE_SITE];
  return {
    url: fallback.url(symbol, exchange, instrument) as string,
    site: fallback.id,
    name: fallback.name,
  };
}
