import { describe, expect, it } from 'vitest';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';
import { symbolFromQuoteUrl } from '../../../lib/detect/quote-links';
import { QUOTE_SITES, QUOTE_SITE_IDS, quoteSite } from '../../../lib/links/quote-sites';

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
});
