import { describe, expect, it } from 'vitest';
import { QUOTE_SITES, quoteLink } from '../../../lib/settings/quote-sites';

describe('quoteLink', () => {
  it('opens Yahoo Finance by default, with share classes spelled its way', () => {
    expect(quoteLink('yahoo', 'KTOS', 'stock').url).toBe('https://finance.yahoo.com/quote/KTOS/');
    expect(quoteLink('yahoo', 'BRK.B', 'stock').url).toBe('https://finance.yahoo.com/quote/BRK-B/');
    expect(quoteLink('yahoo', '^RUT', 'index').url).toBe('https://finance.yahoo.com/quote/%5ERUT/');
  });

  it('uses each site’s own page kinds and index codes', () => {
    expect(quoteLink('cnbc', '^GSPC', 'index').url).toBe('https://www.cnbc.com/quotes/.SPX');
    expect(quoteLink('cnbc', 'IWM', 'etf').url).toBe('https://www.cnbc.com/quotes/IWM');
    expect(quoteLink('marketwatch', 'IWM', 'etf').url).toBe(
      'https://www.marketwatch.com/investing/fund/iwm',
    );
    expect(quoteLink('marketwatch', '^DJI', 'index').url).toBe(
      'https://www.marketwatch.com/investing/index/djia',
    );
    expect(quoteLink('nasdaq', 'SFM', 'stock').url).toBe(
      'https://www.nasdaq.com/market-activity/stocks/sfm',
    );
    expect(quoteLink('nasdaq', '^IXIC', 'index').url).toBe(
      'https://www.nasdaq.com/market-activity/index/comp',
    );
    expect(quoteLink('finviz', 'BRK.B', 'stock').url).toBe('https://finviz.com/quote.ashx?t=BRK-B');
  });

  it('opens an index a site has no page for on Yahoo Finance, and says so', () => {
    expect(quoteLink('finviz', '^RUT', 'index')).toEqual({
      url: 'https://finance.yahoo.com/quote/%5ERUT/',
      site: 'yahoo',
      label: 'Yahoo Finance',
    });
    expect(quoteLink('cnbc', '^VIX').site).toBe('yahoo');
  });

  it('never puts anything but the encoded symbol into the URL', () => {
    for (const site of QUOTE_SITES) {
      const url = new URL(quoteLink(site.id, 'A/../B?x=1#', 'stock').url);
      expect(url.protocol).toBe('https:');
      expect(url.hash).toBe('');
    }
  });
});
