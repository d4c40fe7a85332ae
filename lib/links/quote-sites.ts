/**
 * Quote sites the card links to ("Open on Yahoo Finance"): one table of each site's name and URL
 * forms for stocks, funds and indexes. Pure; the user's choice comes from the settings.
 */

/** A quote site the user can pick. */
export interface QuoteSite {
  id: QuoteSiteId;
  name: string;
  /**
   * The quote page of `symbol` (Yahoo style: `BRK.B`, `^RUT`) listed on `exchange` (a display
   * name from `exchangeName`, when known), or `null` when the site has no page for it.
   */
  url(symbol: string, exchange?: string | null): string | null;
}

export const QUOTE_SITE_IDS = ['yahoo', 'google', 'marketwatch', 'nasdaq', 'cnbc'] as const;
export type QuoteSiteId = (typeof QUOTE_SITE_IDS)[number];

/** Yahoo Finance, the default. */
export const DEFAULT_QUOTE_SITE: QuoteSiteId = 'yahoo';

/** Index codes on the sites that name indexes their own way. */
const INDEX_CODES: Readonly<Record<string, { google: string; cnbc: string; plain: string }>> = {
  '^RUT': { google: 'RUT:INDEXRUSSELL', cnbc: '.RUT', plain: 'rut' },
  '^GSPC': { google: '.INX:INDEXSP', cnbc: '.SPX', plain: 'spx' },
  '^IXIC': { google: '.IXIC:INDEXNASDAQ', cnbc: '.IXIC', plain: 'comp' },
  '^NDX': { google: 'NDX:INDEXNASDAQ', cnbc: '.NDX', plain: 'ndx' },
  '^DJI': { google: '.DJI:INDEXDJX', cnbc: '.DJI', plain: 'djia' },
  '^SP600': { google: 'SP600:INDEXSP', cnbc: '.SPCY', plain: 'sml' },
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
    url: (s, exchange) => {
      const code = s.startsWith('^')
        ? INDEX_CODES[s]?.google
        : exchange && GOOGLE_EXCHANGES[exchange]
          ? `${s}:${GOOGLE_EXCHANGES[exchange]}`
          : undefined;
      return code ? `https://www.google.com/finance/quote/${code}` : null;
    },
  },
  marketwatch: {
    id: 'marketwatch',
    name: 'MarketWatch',
    url: (s) => {
      if (s.startsWith('^')) {
        const code = INDEX_CODES[s]?.plain;
        return code ? `https://www.marketwatch.com/investing/index/${enc(code)}` : null;
      }
      return `https://www.marketwatch.com/investing/stock/${enc(s.toLowerCase())}`;
    },
  },
  nasdaq: {
    id: 'nasdaq',
    name: 'Nasdaq.com',
    url: (s) => {
      if (s.startsWith('^')) {
        const code = INDEX_CODES[s]?.plain;
        return code ? `https://www.nasdaq.com/market-activity/index/${enc(code)}` : null;
      }
      return `https://www.nasdaq.com/market-activity/stocks/${enc(s.toLowerCase())}`;
    },
  },
  cnbc: {
    id: 'cnbc',
    name: 'CNBC',
    url: (s) => {
      if (s.startsWith('^')) {
        const code = INDEX_CODES[s]?.cnbc;
        return code ? `https://www.cnbc.com/quotes/${enc(code)}` : null;
      }
      return `https://www.cnbc.com/quotes/${enc(s)}`;
    },
  },
};

/** The site for a stored choice; anything unknown falls back to {@link DEFAULT_QUOTE_SITE}. */
export function quoteSite(id: unknown): QuoteSite {
  return QUOTE_SITE_IDS.includes(id as QuoteSiteId)
    ? QUOTE_SITES[id as QuoteSiteId]
    : QUOTE_SITES[DEFAULT_QUOTE_SITE];
}
