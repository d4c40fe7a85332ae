import { describe, expect, it } from 'vitest';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';
import { symbolFromQuoteUrl } from '../../../lib/detect/quote-links';
import { QUOTE_SITES, QUOTE_SITE_IDS, quoteLink, quoteSite } from '../../../lib/links/quote-sites';

const dictionary = loadSymbolDictionary();

describe('quote sites', () => {
  it('Yahoo Finance is the default, and unknown choices fall back to it', () => {
    expect(quoteSite(undefined).id).toBe('yahoo');
    expect(quoteSite('evil.example').id).toBe('yahoo');
    expect(quoteSite('cnbc').name).toBe('CNBC');
  });

  it('writes the forms each site uses', () => {
    expect(QUOTE_SITES.yahoo.url('BRK.B')).toBe('https://finance.yahoo.com/quote/BRK-B/');
    expect(QUOTE_SITES.yahoo.url('^RUT')).toBe('https://finance.yahoo.com/quote/%5ERUT/');
    expect(QUOTE_SITES.google.url('SFM', 'Nasdaq')).toBe(
      'https://www.google.com/finance/quote/SFM:NASDAQ',
    );
    expect(QUOTE_SITES.google.url('SFM', null)).toBeNull();
    expect(QUOTE_SITES.marketwatch.url('^RUT')).toBe(
      'https://www.marketwatch.com/investing/index/rut',
    );
    expect(QUOTE_SITES.cnbc.url('^GSPC')).toBe('https://www.cnbc.com/quotes/.SPX');
    expect(QUOTE_SITES.cnbc.url('^TNX')).toBeNull();
  });

  it("every link the card writes is read back as the same symbol by the detector's quote-link rules", () => {
    const cases: [string, string | null][] = [
      ['KTOS', 'Nasdaq'],
      ['IWM', 'NYSE Arca'],
      ['BRK.B', 'NYSE'],
      ['^RUT', null],
      ['^GSPC', null],
      ['^IXIC', null],
      ['^NDX', null],
    ];
    for (const id of QUOTE_SITE_IDS) {
      for (const [symbol, exchange] of cases) {
        const url = QUOTE_SITES[id].url(symbol, exchange);
        if (url === null) continue;
        expect([id, symbol, symbolFromQuoteUrl(url, dictionary)]).toEqual([id, symbol, symbol]);
      }
    }
  });

  it("uses each site's page kinds for funds and indexes", () => {
    expect(quoteLink('marketwatch', 'IWM', null, 'etf').url).toBe(
      'https://www.marketwatch.com/investing/fund/iwm',
    );
    expect(quoteLink('nasdaq', 'IWM', null, 'etf').url).toBe(
      'https://www.nasdaq.com/market-activity/etf/iwm',
    );
    expect(quoteLink('nasdaq', '^DJI', null, 'index').url).toBe(
      'https://www.nasdaq.com/market-activity/index/indu',
    );
    expect(quoteLink('finviz', 'BRK.B', null, 'stock').url).toBe(
      'https://finviz.com/quote.ashx?t=BRK-B',
    );
  });

  it('opens what a site has no page for on Yahoo Finance, and says so', () => {
    expect(quoteLink('finviz', '^RUT', null, 'index')).toEqual({
      url: 'https://finance.yahoo.com/quote/%5ERUT/',
      site: 'yahoo',
      name: 'Yahoo Finance',
    });
    expect(quoteLink('google', 'SFM', null).site).toBe('yahoo');
    expect(quoteLink('cnbc', '^VIX').site).toBe('yahoo');
  });

  it('never puts anything but the encoded symbol into the URL', () => {
    for (const id of QUOTE_SITE_IDS) {
      const url = new URL(quoteLink(id, 'A/../B?x=1#', 'Nasdaq', 'stock').url);
      expect(url.protocol).toBe('https:');
      expect(url.hash).toBe('');
      expect(url.search.includes('x=1')).toBe(false);
    }
  });
});
