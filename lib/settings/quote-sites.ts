/**
 * Quote sites the card's "quote" link can open, and the page of a symbol on each. Symbols are
 * the extension's (Yahoo style: `^RUT` for indexes, `BRK.B` for share classes); each site spells
 * them its own way. An index a site has no page for opens on Yahoo Finance instead, and the
 * result says so.
 */

/** What the card knows about a symbol (the protocol's `Instrument`). */
export type QuoteInstrument = 'stock' | 'etf' | 'index' | 'unknown';

interface QuoteSiteSpec {
  id: string;
  label: string;
  /** Index symbols (`^RUT`) to the site's code; an index missing here has no page there. */
  indexes: Readonly<Record<string, string>>;
  page(symbol: string, instrument: QuoteInstrument): string;
}

const upper = (s: string) => encodeURIComponent(s.toUpperCase());
const lower = (s: string) => encodeURIComponent(s.toLowerCase());

export const QUOTE_SITES = [
  {
    id: 'yahoo',
    label: 'Yahoo Finance',
    indexes: { '^RUT': '^RUT', '^GSPC': '^GSPC', '^IXIC': '^IXIC', '^NDX': '^NDX', '^DJI': '^DJI' },
    // Yahoo writes share classes with a dash (BRK-B).
    page: (s: string) => `https://finance.yahoo.com/quote/${upper(s.replace(/\./g, '-'))}/`,
  },
  {
    id: 'cnbc',
    label: 'CNBC',
    indexes: { '^RUT': '.RUT', '^GSPC': '.SPX', '^IXIC': '.IXIC', '^NDX': '.NDX', '^DJI': '.DJI' },
    page: (s: string) => `https://www.cnbc.com/quotes/${upper(s)}`,
  },
  {
    id: 'marketwatch',
    label: 'MarketWatch',
    indexes: { '^RUT': 'rut', '^GSPC': 'spx', '^IXIC': 'comp', '^NDX': 'ndx', '^DJI': 'djia' },
    page: (s: string, instrument: QuoteInstrument) =>
      `https://www.marketwatch.com/investing/${
        instrument === 'index' ? 'index' : instrument === 'etf' ? 'fund' : 'stock'
      }/${lower(s)}`,
  },
  {
    id: 'nasdaq',
    label: 'Nasdaq.com',
    indexes: { '^RUT': 'rut', '^GSPC': 'spx', '^IXIC': 'comp', '^NDX': 'ndx', '^DJI': 'indu' },
    page: (s: string, instrument: QuoteInstrument) =>
      `https://www.nasdaq.com/market-activity/${
        instrument === 'index' ? 'index' : instrument === 'etf' ? 'etf' : 'stocks'
      }/${lower(s.replace(/\./g, '-'))}`,
  },
  {
    id: 'finviz',
    label: 'Finviz',
    indexes: {},
    page: (s: string) => `https://finviz.com/quote.ashx?t=${upper(s.replace(/\./g, '-'))}`,
  },
] as const satisfies readonly QuoteSiteSpec[];

export type QuoteSiteId = (typeof QUOTE_SITES)[number]['id'];

/** A symbol's page on a quote site. */
export interface QuoteLink {
  url: string;
  /** The site the link opens: the one asked for, or Yahoo Finance when it has no page for an index. */
  site: QuoteSiteId;
  label: string;
}

/**
 * The page of `symbol` on `site`. Index symbols (`^RUT`) use the site's own code; when the site
 * has none, the Yahoo Finance page is returned (with `site: 'yahoo'`). An unknown site id is
 * treated as Yahoo Finance, the default.
 */
export function quoteLink(
  site: QuoteSiteId,
  symbol: string,
  instrument: QuoteInstrument = 'unknown',
): QuoteLink {
  const fallback = QUOTE_SITES[0];
  const spec: QuoteSiteSpec = QUOTE_SITES.find((q) => q.id === site) ?? fallback;
  const isIndex = symbol.startsWith('^') || instrument === 'index';
  if (isIndex) {
    const code = spec.indexes[symbol];
    const chosen: QuoteSiteSpec = code === undefined ? fallback : spec;
    const chosenCode = chosen.indexes[symbol] ?? symbol;
    return {
      url: chosen.page(chosenCode, 'index'),
      site: chosen.id as QuoteSiteId,
      label: chosen.label,
    };
  }
  return { url: spec.page(symbol, instrument), site: spec.id as QuoteSiteId, label: spec.label };
}
