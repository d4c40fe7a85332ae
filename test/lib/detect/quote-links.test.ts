import { describe, expect, it } from 'vitest';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';
import { mayBeQuoteUrl, symbolFromQuoteUrl } from '../../../lib/detect/quote-links';

const dictionary = loadSymbolDictionary();
/** Maps an href, and checks that the scanner's cheap pre-test lets every mapped href through. */
const sym = (href: string, base?: string) => {
  const symbol = symbolFromQuoteUrl(href, dictionary, base);
  if (symbol !== undefined) expect(mayBeQuoteUrl(href), href).toBe(true);
  return symbol;
};

describe('mayBeQuoteUrl', () => {
  it('dismisses article and navigation links without parsing them', () => {
    expect(mayBeQuoteUrl('/news/2026/11/27/small-caps-rally-as-yields-fall.html')).toBe(false);
    expect(mayBeQuoteUrl('https://example.com/world/us/')).toBe(false);
    expect(mayBeQuoteUrl('#comments')).toBe(false);
  });

  it('lets through quote paths, relative or not, and anything percent-escaped', () => {
    expect(mayBeQuoteUrl('/quote/KTOS')).toBe(true);
    expect(mayBeQuoteUrl('/INVESTING/STOCK/KTOS')).toBe(true);
    expect(mayBeQuoteUrl('/%71uote/KTOS')).toBe(true);
  });
});

describe('symbolFromQuoteUrl', () => {
  it('reads Yahoo Finance quote pages, share classes and index carets', () => {
    expect(sym('https://finance.yahoo.com/quote/KTOS')).toBe('KTOS');
    expect(sym('https://finance.yahoo.com/quote/KTOS/history/?p=KTOS')).toBe('KTOS');
    expect(sym('https://finance.yahoo.com/quote/BRK-B/')).toBe('BRK.B');
    expect(sym('https://finance.yahoo.com/quote/%5ERUT/')).toBe('^RUT');
    expect(sym('https://uk.finance.yahoo.com/quote/^GSPC')).toBe('^GSPC');
    expect(sym('https://finance.yahoo.com/quote/SHEL.L')).toBeUndefined();
    expect(sym('https://finance.yahoo.com/quote/%5EFTSE')).toBeUndefined();
  });

  it('reads CNBC, MarketWatch and Nasdaq pages', () => {
    expect(sym('https://www.cnbc.com/quotes/KTOS')).toBe('KTOS');
    expect(sym('https://www.cnbc.com/quotes/.SPX')).toBe('^GSPC');
    expect(sym('https://www.marketwatch.com/investing/stock/ktos')).toBe('KTOS');
    expect(sym('https://www.marketwatch.com/investing/fund/iwm?mod=search')).toBe('IWM');
    expect(sym('https://www.marketwatch.com/investing/index/rut')).toBe('^RUT');
    expect(sym('https://www.marketwatch.com/investing/stock/shel?countrycode=uk')).toBeUndefined();
    expect(sym('https://www.nasdaq.com/market-activity/stocks/ktos')).toBe('KTOS');
    expect(sym('https://www.nasdaq.com/market-activity/index/comp')).toBe('^IXIC');
  });

  it('reads Google Finance, Finviz, TradingView, Bloomberg and others', () => {
    expect(sym('https://www.google.com/finance/quote/KTOS:NASDAQ')).toBe('KTOS');
    expect(sym('https://www.google.com/finance/quote/.INX:INDEXSP')).toBe('^GSPC');
    expect(sym('https://www.google.com/finance/quote/RUT:INDEXRUSSELL')).toBe('^RUT');
    expect(sym('https://www.google.com/finance/quote/SHEL:LON')).toBeUndefined();
    expect(sym('https://finviz.com/quote.ashx?t=SFM&p=d')).toBe('SFM');
    expect(sym('https://www.tradingview.com/symbols/NYSE-BRK.B/')).toBe('BRK.B');
    expect(sym('https://www.tradingview.com/symbols/LSE-SHEL/')).toBeUndefined();
    expect(sym('https://www.bloomberg.com/quote/KTOS:US')).toBe('KTOS');
    expect(sym('https://seekingalpha.com/symbol/IONQ')).toBe('IONQ');
    expect(sym('https://stocktwits.com/symbol/AAPL')).toBe('AAPL');
    expect(sym('https://www.morningstar.com/stocks/xnas/ktos/quote')).toBe('KTOS');
    expect(sym('https://www.fool.com/quote/nasdaq/ktos/')).toBe('KTOS');
  });

  it('resolves relative hrefs against the page and ignores everything else', () => {
    expect(sym('/quote/IWM', 'https://finance.yahoo.com/news/x.html')).toBe('IWM');
    expect(sym('https://example.com/quote/KTOS')).toBeUndefined();
    expect(sym('https://finance.yahoo.com/quote/NOTASYMBOL')).toBeUndefined();
    expect(sym('javascript:alert(1)')).toBeUndefined();
    expect(sym('not a url')).toBeUndefined();
  });
});
